import Foundation
import Testing
import OutpostGraph
@testable import OutpostIO

/// Node-link JSON read back field by field, as NetworkX writes it (`edges` or `links`), and bad JSON.
@Suite struct NodeLinkJSONReaderTests {
    @Test func theBundledDatasetReadsBackFieldByField() throws {
        let (original, _) = try DatasetReader().readValid(at: TestPaths.path("Graphs/overseas-police-stations"))
        let view = DatasetView(original, filter: .everything)
        let text = NodeLinkJSONWriter(multigraph: true, graphAttributes: view.exportGraphAttributes).write(view.exportGraph())
        guard case let .dataset(read) = try NodeLinkJSONReader().readInput(Data(text.utf8), file: "all.json").0 else {
            Issue.record("the export was read as a plain graph"); return
        }
        DatasetComparison.expectEqual(read, original)
    }

    @Test(arguments: ["edges", "links"])
    func readsNetworkXsLayout(_ edges: String) throws {
        // As json.dumps(nx.node_link_data(G, edges=…), indent=2) writes a small MultiGraph.
        let text = """
        {
          "directed": false,
          "multigraph": true,
          "graph": {"name": "g", "year": 2022},
          "nodes": [
            {"id": 1, "label": "One", "size": 2.5, "tags": ["x", "y"], "gone": null},
            {"id": "b\\u00e9\\ud83d\\ude00"}
          ],
          "\(edges)": [
            {"source": 1, "target": "b\\u00e9\\ud83d\\ude00", "key": 0, "weight": 3, "ok": true},
            {"source": 1, "target": "b\\u00e9\\ud83d\\ude00", "key": 1}
          ]
        }
        """
        let graph = try NodeLinkJSONReader().read(Data(text.utf8))
        #expect(!graph.isDirected && graph.nodeIDs == ["1", "bé😀"] && graph.nodeLabels == ["One", nil])
        #expect(graph.nodeAttributes[0] == ["label": "One", "size": "2.5", "tags": #"["x", "y"]"#])
        #expect(graph.edgeWeights == [3, 1] && graph.attributes(ofEdge: 0) == ["id": "0", "ok": "true"])
    }

    @Test(arguments: [
        ("{\"nodes\": [{\"id\": 1}],\n \"edges\": [{\"source\": 1, \"target\": 2}]}", "2:36", "edge target '2' is not the id of a node"),
        ("{\"nodes\": [{\"id\": 1}, {\"id\": 1}]}", "1:30", "node id '1' is listed twice"),
        ("{\"nodes\": [{\"name\": \"a\"}]}", "1:12", "a node without an id"),
        ("{\"nodes\": [], \"edges\": [], \"links\": []}", "1:1", "the file has both \"edges\" and \"links\""),
        ("{\"nodes\": [\n  {\"id\": 1,}\n]}", "2:12", "expected a \"key\" in an object"),
        ("{\"nodes\": [{\"id\": 1}", "1:11", "an array is never closed"),
        ("{\"edges\": []}", "1:1", "no \"nodes\" array"),
        ("[1, 2]", "1:1", "the file is JSON but not an object"),
        ("{\"nodes\": [{\"id\": \"a\\qb\"}]}", "1:23", "an unknown escape \\q"),
        ("{\"nodes\": []} x", "1:15", "text after the JSON value"),
    ])
    func badJSONNamesTheLine(_ text: String, _ at: String, _ message: String) {
        expectReadError("g.json:\(at): error: \(message)", text) { try NodeLinkJSONReader().read(Data(text.utf8), file: "g.json") }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: DiagnosticsError.self) { try NodeLinkJSONReader().read(Data(text.utf8)) }
    }
}
