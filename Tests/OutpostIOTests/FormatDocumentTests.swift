import Foundation
import OutpostGraph
import Testing

/// Graphs/FORMAT.md is what people read to learn the vocabulary; it must say what the code does.
@Suite struct FormatDocumentTests {
    /// The rows of the relation-type table: type → (directed, layer).
    func relationTable() throws -> [String: (directed: String, layer: String)] {
        let text = try String(contentsOfFile: TestPaths.path("Graphs/FORMAT.md"), encoding: .utf8)
        var rows: [String: (String, String)] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 4, cells[0].hasPrefix("`"), ["yes", "no"].contains(cells[1]) else { continue }
            rows[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = (cells[1], cells[2])
        }
        return rows
    }

    @Test func everyRelationTypeIsDocumentedWithItsDirectionAndLayer() throws {
        let rows = try relationTable()
        #expect(Set(rows.keys) == Set(RelationType.allCases.map(\.rawValue)))
        for type in RelationType.allCases {
            let row = try #require(rows[type.rawValue])
            #expect(row.directed == (type.isDirected ? "yes" : "no"), "\(type.rawValue)")
            #expect(row.layer == type.layer.rawValue, "\(type.rawValue): FORMAT.md says \(row.layer)")
        }
    }
}
