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

/// The table of "Which kinds a type joins" must say what `RelationType.allowedKinds` checks.
@Suite struct FormatKindRulesTests {
    /// A cell: `any`, `any but `a`, `b``, or a list of backticked kinds.
    func kinds(_ cell: String) throws -> Set<EntityKind> {
        let named = try cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { item in
            try #require(EntityKind(rawValue: String(item.element)), "unknown kind \(item.element)")
        }
        if cell == "any" { return Set(EntityKind.allCases) }
        if cell.hasPrefix("any but ") { return Set(EntityKind.allCases).subtracting(named) }
        return Set(named)
    }

    @Test func everyTypeHasItsKindsDocumented() throws {
        let text = try String(contentsOfFile: TestPaths.path("Graphs/FORMAT.md"), encoding: .utf8)
        let section = try #require(text.components(separatedBy: "### Which kinds a type joins").dropFirst().first)
            .components(separatedBy: "\n## ")[0]
        var seen = Set<RelationType>()
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let type = try #require(RelationType(rawValue: cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))))
            seen.insert(type)
            #expect(try kinds(cells[1]) == type.allowedKinds.from, "\(type.rawValue): from")
            #expect(try kinds(cells[2]) == type.allowedKinds.to, "\(type.rawValue): to")
        }
        #expect(seen == Set(RelationType.allCases))
    }
}
