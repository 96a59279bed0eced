import Foundation
import Testing
import OutpostGraph
@testable import OutpostIO

/// The dataset export, read back field by field (NetworkX's reading is checked by
/// scripts/check-interop.sh).
@Suite struct DatasetGraphMLWriterTests {
    static func dataset(note: String) -> Dataset {
        let sources = [Source(id: "s1", title: "A report", publisher: "P", date: PartialDate("2022-09"), url: "https://example.org/r?a=1&b=2", note: "n")]
        let cite = [Citation(source: "s1", excerpt: "named")]
        let entities = [Entity(id: "a", kind: .publicSecurityBureau, name: "A & B", aliases: ["Ā"], country: "China", city: "Lishui",
                               citations: cite),
                        Entity(id: "b", kind: .policeStation, name: "Station", attributes: ["group": "yes", "x": "\"y\""], citations: cite)]
        let relations = [Relation(from: "a", type: .established, to: "b", status: .disputed, start: PartialDate("2022"),
                                  note: note, citations: [Citation(source: "s1", excerpt: "set up \"here\"")]),
                         Relation(from: "a", type: .denied, to: "b", status: .denied, by: ["a"],
                                  citations: [Citation(source: "s1", excerpt: "denied it")])]
        let totals = [PublishedTotal(label: "stations", measure: "stations", value: 54, countries: 30, date: PartialDate("2022"), citations: cite)]
        return Dataset(name: "t", title: "T", description: "D", sources: sources, entities: entities, relations: relations, totals: totals)
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

    @Test func theBundledDatasetReadsBackFieldByField() throws {
        let path = TestPaths.path("Graphs/overseas-police-stations")
        let (original, _) = try DatasetReader().readValid(at: path)
        #expect(original.relations.count > 100 && !original.totals.isEmpty && original.description != nil)
        let text = try DatasetGraphMLWriter().write(DatasetView(original, filter: .everything))
        let (input, _) = try GraphMLReader().readInput(Data(text.utf8), file: "all.graphml")
        guard case let .dataset(read) = input else { Issue.record("the export was read as a plain graph"); return }
        DatasetComparison.expectEqual(read, original)
        // Rewritten, the dataset read back gives the same bytes.
        #expect(try DatasetGraphMLWriter().write(DatasetView(read, filter: .everything)) == text)
    }

    @Test func carriageReturnsTabsAndMarkupSurviveTheRoundTrip() throws {
        let original = Self.dataset(note: "line one\r\nline two\ttab <b>&amp;</b> 'q'")
        let text = try DatasetGraphMLWriter().write(DatasetView(original, filter: .everything))
        guard case let .dataset(read) = try GraphMLReader().readInput(Data(text.utf8)).0 else {
            Issue.record("the export was read as a plain graph"); return
        }
        DatasetComparison.expectEqual(read, original)
    }

    @Test func aFileWithoutTheExportsKeysStaysAPlainGraph() throws {
        let text = GraphMLWriter().write(DatasetView(Self.dataset(note: "n"), filter: .everything).exportGraph())
        guard case .plain = try GraphMLReader().readInput(Data(text.utf8)).0 else {
            Issue.record("a graph without graph-level sources was read as a dataset"); return
        }
    }

    @Test func aBadValueInAnExportIsAnErrorAtItsLine() throws {
        let text = try DatasetGraphMLWriter().write(DatasetView(Self.dataset(note: "n"), filter: .everything))
            .replacingOccurrences(of: ">disputed<", with: ">disputd<")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<edge id=\"r0\"") }! + 1
        do {
            _ = try GraphMLReader().readInput(Data(text.utf8), file: "x.graphml")
            Issue.record("a misspelt status was accepted")
        } catch {
            #expect("\(error)".contains("x.graphml:\(line):"))
            #expect("\(error)".contains("status 'disputd' is not one of denied, disputed, reported, confirmed"))
            #expect("\(error)".contains("did you mean 'disputed'"))
        }
    }

    @Test func aValueThatIsNotOfItsKeysTypeIsAnErrorAtItsLine() throws {
        let text = try DatasetGraphMLWriter().write(DatasetView(Self.dataset(note: "n"), filter: .everything))
            .replacingOccurrences(of: ">1</data>", with: ">one</data>")
        do {
            _ = try GraphMLReader().readInput(Data(text.utf8), file: "x.graphml")
            Issue.record("a long holding 'one' was accepted")
        } catch {
            #expect("\(error)".contains("<data> for 'citation_count' holds 'one', which is not an integer (attr.type long)"))
        }
    }

    @Test func anUnknownSourceInAReadBackExportIsReportedAsValidationReportsIt() throws {
        let text = try DatasetGraphMLWriter().write(DatasetView(Self.dataset(note: "n"), filter: .everything))
            .replacingOccurrences(of: "&quot;source&quot;:&quot;s1&quot;", with: "&quot;source&quot;:&quot;s9&quot;")
        #expect(throws: DiagnosticsError.self) { try GraphMLReader().readInput(Data(text.utf8), file: "x.graphml") }
    }

    /// A filtered export names, in `by` and in totals' scope, entities the filter left out.
    @Test func aFilteredExportReadsBackWithWarningsForWhatTheFilterLeftOut() throws {
        let (original, _) = try DatasetReader().readValid(at: TestPaths.path("Graphs/overseas-police-stations"))
        let view = DatasetView(original, filter: DatasetFilter(layers: RelationLayer.all, countries: ["Netherlands"]))
        let text = try DatasetGraphMLWriter().write(view)
        let (input, warnings) = try GraphMLReader().readInput(Data(text.utf8), file: "nl.graphml")
        guard case let .dataset(read) = input else { Issue.record("the export was read as a plain graph"); return }
        #expect(read.entities.count == view.entityIndices.count && read.relations.count == view.relationIndices.count)
        #expect(warnings.contains { $0.message.contains("has unknown scope 'qingtian-psb'") && $0.hint?.contains("the export was filtered") == true })
        // Unfiltered, the same reference would be an error.
        let unfiltered = text.replacingOccurrences(of: ">all layers; countries: Netherlands<", with: ">all layers<")
        #expect(unfiltered != text)
        #expect(throws: DiagnosticsError.self) { try GraphMLReader().readInput(Data(unfiltered.utf8), file: "nl.graphml") }
    }
}
