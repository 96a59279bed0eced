import Foundation
import Testing
import OutpostGraph
@testable import OutpostIO

/// GML written and read back field by field; GML as NetworkX writes it; bad GML. (NetworkX's
/// and igraph's reading of the export is checked by scripts/check-interop.sh.)
@Suite struct GMLTests {
    @Test func theBundledDatasetReadsBackFieldByField() throws {
        let (original, _) = try DatasetReader().readValid(at: TestPaths.path("Graphs/overseas-police-stations"))
        let text = try GMLWriter().write(DatasetView(original, filter: .everything))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        guard case let .dataset(read) = try GMLReader().readInput(Data(text.utf8), file: "all.gml").0 else {
            Issue.record("the export was read as a plain graph"); return
        }
        DatasetComparison.expectEqual(read, original)
        #expect(try GMLWriter().write(DatasetView(read, filter: .everything)) == text)
    }

    @Test func awkwardTextSurvives() throws {
        let original = DatasetGraphMLWriterTests.dataset(note: "line one\r\nline two\tq \"d\" & é 中 😀 &#34; ]")
        let text = try GMLWriter().write(DatasetView(original, filter: .everything))
        #expect(text.contains(#"note "line one&#13;&#10;line two&#9;q &quot;d&quot; &amp; &#233; &#20013; &#128512; &amp;#34; ]""#))
        guard case let .dataset(read) = try GMLReader().readInput(Data(text.utf8)).0 else {
            Issue.record("the export was read as a plain graph"); return
        }
        DatasetComparison.expectEqual(read, original)
    }

    /// Written for igraph (UTF-8), the bundled dataset's accented and Chinese names are in the
    /// file as they are, and read back field by field as from the ASCII file.
    @Test func theUTF8ExportKeepsNamesAsTheyAreAndReadsBack() throws {
        let (original, _) = try DatasetReader().readValid(at: TestPaths.path("Graphs/overseas-police-stations"))
        let text = try GMLWriter(characters: .utf8).write(DatasetView(original, filter: .everything))
        #expect(text.contains(#"name "Associação de Comunidade Fuzhou Shiyi Portugal""#) && text.contains("海外110报警服务台") && !text.contains("&#"))
        guard case let .dataset(read) = try GMLReader().readInput(Data(text.utf8), file: "all.gml").0 else {
            Issue.record("the export was read as a plain graph"); return
        }
        DatasetComparison.expectEqual(read, original)
        let note = DatasetGraphMLWriterTests.dataset(note: "line one\r\nline two\tq \"d\" & é 中 😀 &#34; ]")
        let awkward = try GMLWriter(characters: .utf8).write(DatasetView(note, filter: .everything))
        #expect(awkward.contains("note \"line one\r\nline two\tq &quot;d&quot; &amp; é 中 😀 &amp;#34; ]\""))
        guard case let .dataset(back) = try GMLReader().readInput(Data(awkward.utf8)).0 else {
            Issue.record("the export was read as a plain graph"); return
        }
        DatasetComparison.expectEqual(back, note)
    }

    /// igraph 0.11's `write_gml` layout (a `Creator` line, lists opened on their own line, UTF-8
    /// text, `&quot;` and `&amp;`), as it wrote a graph whose names hold Chinese and accents.
    @Test func readsUTF8AsIgraphWritesIt() throws {
        let igraph = """
        Creator "igraph version 0.10.13 Wed Dec  2 16:23:08 2026"
        Version 1
        graph
        [
          directed 1
          node
          [
            id 0
            label "丽水 Café"
            name2 "say &quot;hi&quot; &amp; more"
          ]
          node
          [
            id 1
            label "b"
          ]
          edge
          [
            source 0
            target 1
          ]
        ]

        """
        let graph = try GMLReader().read(Data(igraph.utf8), file: "igraph.gml")
        #expect(graph.isDirected && graph.nodeIDs == ["丽水 Café", "b"] && graph.edgeCount == 1)
        #expect(graph.nodeAttributes[0]["name2"] == "say \"hi\" & more")
    }

    /// The shape of `nx.write_gml(nx.MultiDiGraph([("a", "b"), ("a", "b")]))`, with comments,
    /// a graphics list and a weight.
    static let networkX = """
    # written by hand in NetworkX's layout
    graph [
      directed 1
      multigraph 1
      name "g"
      node [
        id 0
        label "a"
        colour "red"
        graphics [ x 1.0 y 2.0 ]
      ]
      node [
        id 1
        label "b"
      ]
      edge [
        source 0
        target 1
        key 0
        weight 2.5
      ]
      edge [
        source 0
        target 1
        key 1
      ]
    ]
    """

    @Test func readsNodesByLabelAsNetworkXDoes() throws {
        let graph = try GMLReader().read(Data(Self.networkX.utf8))
        #expect(graph.isDirected && graph.nodeIDs == ["a", "b"] && graph.edgeCount == 2)
        #expect(graph.nodeAttributes[0] == ["colour": "red"] && graph.edgeWeights == [2.5, 1])
        #expect(graph.attributes(ofEdge: 1)["id"] == "1")
    }

    @Test func aPlainGraphRoundTrips() throws {
        var graph = Graph(directed: false)
        let a = graph.addNode("a b", label: "Ā", attributes: ["colour": "red"]), b = graph.addNode("7")
        graph.addEdge(a, b, weight: 0.5, attributes: ["type": "x"])
        let read = try GMLReader().read(Data(try GMLWriter().write(graph).utf8))
        #expect(!read.isDirected && read.nodeIDs == ["a b", "7"] && read.nodeLabels == ["Ā", nil])
        #expect(read.nodeAttributes[0] == ["colour": "red"] && read.edgeWeights == [0.5] && read.attributes(ofEdge: 0) == ["type": "x"])
    }

    @Test func anUndirectedRepeatedPairMakesAMultigraph() throws {
        var graph = Graph(directed: false)
        let a = graph.addNode("a"), b = graph.addNode("b")
        graph.addEdge(a, b); graph.addEdge(b, a)
        #expect(try GMLWriter().write(graph).contains("multigraph 1"))
        graph = Graph(directed: true)
        graph.addNode("a"); graph.addNode("b")
        graph.addEdge(0, 1); graph.addEdge(1, 0)
        #expect(try !GMLWriter().write(graph).contains("multigraph"))
    }

    @Test func anAttributeNameGMLCannotHoldIsRefused() {
        var graph = Graph(directed: false)
        graph.addNode("a", attributes: ["two words": "x"])
        do {
            _ = try GMLWriter().write(graph)
            Issue.record("a key with a space was written")
        } catch {
            #expect("\(error)".contains("the attribute name 'two words' cannot be a GML key"))
        }
    }

    @Test(arguments: [
        ("graph [ node [ id 0 label \"a\" ] edge [ source 0 target 1 ] ]", "1:49", "edge target 1 is not the id of a node"),
        ("graph [\n  node [ id 0 label \"a\"\n", "2:8", "a [ is never closed"),
        ("graph [\n  node [ id 0 label \"a ]\n]\n", "2:21", "a string is never closed"),
        ("graph [ node [ id 0 label \"a\" ] node [ id 1 label \"a\" ] ]", "1:33", "node label 'a' is used twice"),
        ("graph [ node [ id 0 label \"a\" colour red ] ]", "1:38", "colour has the bare word red"),
        ("graph [ edge [ source 0 target 0 weight \"heavy\" ] node [ id 0 ] ]", "1:16", "edge source 0 is not the id of a node declared before it"),
        ("graph [ node [ id 0 ] edge [ source 0 target 0 weight \"x\" ] ]", "1:48", "edge weight x is not a finite number"),
        ("graph [ ] ]", "1:11", "a ] closes nothing"),
        ("node [ id 0 ]", "1:1", "no graph [ … ] found"),
    ])
    func badGMLNamesTheLine(_ text: String, _ at: String, _ message: String) {
        expectReadError("g.gml:\(at): error: \(message)", text) { try GMLReader().read(Data(text.utf8), file: "g.gml") }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = "graph " + String(repeating: "x [ ", count: 100_000)
        #expect(throws: DiagnosticsError.self) { try GMLReader().read(Data(text.utf8)) }
    }
}
