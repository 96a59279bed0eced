import Foundation
import Testing
import OutpostGraph
@testable import OutpostIO

/// The GEXF export read back field by field, and its spells (NetworkX's reading is checked
/// by scripts/check-interop.sh).
@Suite struct GEXFWriterTests {
    @Test func theBundledDatasetReadsBackFieldByField() throws {
        let (original, _) = try DatasetReader().readValid(at: TestPaths.path("Graphs/overseas-police-stations"))
        let text = try GEXFWriter().write(DatasetView(original, filter: .everything))
        guard case let .dataset(read) = try GEXFReader().readInput(Data(text.utf8), file: "all.gexf").0 else {
            Issue.record("the export was read as a plain graph"); return
        }
        DatasetComparison.expectEqual(read, original)
        #expect(try GEXFWriter().write(DatasetView(read, filter: .everything)) == text)
    }

    @Test func markupLineEndsAndTabsInAttributeValuesSurvive() throws {
        let original = DatasetGraphMLWriterTests.dataset(note: "line one\r\nline two\nthree\ttab <b>&amp;</b> 'q' \"d\"")
        let text = try GEXFWriter().write(DatasetView(original, filter: .everything))
        guard case let .dataset(read) = try GEXFReader().readInput(Data(text.utf8)).0 else {
            Issue.record("the export was read as a plain graph"); return
        }
        DatasetComparison.expectEqual(read, original)
    }

    @Test func datesBecomeSpellsOfWholeDays() throws {
        let original = DatasetGraphMLWriterTests.dataset(note: "n")
        let text = try GEXFWriter().write(DatasetView(original, filter: .everything))
        // start 2022 (no end): from the first day of 2022, open-ended; the undated denial has no spell.
        #expect(text.contains(#"<spell start="2022-01-01"/>"#))
        #expect(text.components(separatedBy: "<spells>").count == 2)
        #expect(text.contains(#"mode="dynamic" timeformat="date""#))
        #expect(text.contains(#"label="established" kind="established""#))
        #expect(text.contains(#"title="citation_count" type="long""#) && text.contains(#"title="directed" type="boolean""#))
        #expect(GEXFWriter.day(PartialDate("2024-02")!.latest) == "2024-02-29")
        #expect(GEXFWriter.day(PartialDate("2023-02")!.latest) == "2023-02-28")
    }

    @Test func aPlainGraphKeepsItsLabelsAttributesAndWeights() throws {
        var graph = Graph(directed: false)
        let a = graph.addNode("a", label: "Ā", attributes: ["colour": "red"]), b = graph.addNode("b")
        graph.addEdge(a, b, weight: 2.5, attributes: ["type": "x"])
        let read = try GEXFReader().read(Data(try GEXFWriter().write(graph).utf8))
        #expect(!read.isDirected && read.nodeIDs == ["a", "b"] && read.nodeLabels == ["Ā", "b"])
        #expect(read.nodeAttributes[0]["colour"] == "red" && read.edgeWeights == [2.5])
        #expect(read.attributes(ofEdge: 0)["type"] == "x")
    }

    @Test func aControlCharacterIsRefusedWithWhereItIs() {
        do {
            _ = try GEXFWriter().write(DatasetView(DatasetGraphMLWriterTests.dataset(note: "bell\u{07}"), filter: .everything))
            Issue.record("a control character was written")
        } catch {
            #expect("\(error)".contains("relation a established b: note holds the control character U+0007"))
        }
    }
}
