import Foundation
import Testing
import OutpostGraph
@testable import OutpostIO

/// The dataset export, read back field by field (NetworkX's reading is checked by
/// scripts/check-interop.sh).
@Suite struct DatasetGraphMLWriterTests {
    static func dataset(note: String) -> Dataset {
        let sources = [Source(id: "s1", title: "A report")]
        let entities = [Entity(id: "a", kind: .publicSecurityBureau, name: "A & B", aliases: ["Ā"]),
                        Entity(id: "b", kind: .policeStation, name: "Station")]
        let relations = [Relation(from: "a", type: .established, to: "b", status: .disputed, start: PartialDate("2022"),
                                  note: note, citations: [Citation(source: "s1", excerpt: "set up \"here\"")]),
                         Relation(from: "a", type: .denied, to: "b", status: .denied, by: ["a"],
                                  citations: [Citation(source: "s1", excerpt: "denied it")])]
        return Dataset(name: "t", sources: sources, entities: entities, relations: relations)
    }

    @Test func everyParallelRelationIsItsOwnEdgeWithItsFields() throws {
        let text = try DatasetGraphMLWriter().write(DatasetView(Self.dataset(note: "line one\r\nline two"), filter: .everything))
        let graph = try GraphMLReader().read(Data(text.utf8))
        #expect(graph.isDirected && graph.nodeCount == 2 && graph.edgeCount == 2)
        let edges = (0..<2).map { graph.attributes(ofEdge: $0) }
        #expect(edges.map { $0["id"] } == ["r0", "r1"])
        #expect(edges.map { $0["status"] } == ["disputed", "denied"])
        #expect(edges[0]["start"] == "2022" && edges[0]["note"] == "line one\r\nline two")
        #expect(edges[1]["by"] == "a" && edges[1]["layer"] == "denials" && edges[1]["citation_count"] == "1")
        #expect(edges[0]["citations"] == #"[{"excerpt":"set up \"here\"","source":"s1"}]"#)
        #expect(graph.nodeLabels[0] == "A & B" && graph.nodeAttributes[0]["aliases"] == #"["Ā"]"#)
        #expect(text.contains(#"attr.name="citation_count" attr.type="long""#) && text.contains(#"attr.name="directed" attr.type="boolean""#))
    }

    @Test func aControlCharacterIsRefusedWithWhereItIs() {
        #expect(throws: ExportError.self) {
            try DatasetGraphMLWriter().write(DatasetView(Self.dataset(note: "bell\u{07}"), filter: .everything))
        }
        do {
            _ = try DatasetGraphMLWriter().write(DatasetView(Self.dataset(note: "bell\u{07}"), filter: .everything))
        } catch {
            #expect("\(error)".contains("relation a established b: note holds the control character U+0007"))
        }
    }
}
