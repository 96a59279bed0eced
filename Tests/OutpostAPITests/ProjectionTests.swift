import Foundation
import Outpost
import OutpostTestSupport
import Testing

/// ``LoadedNetwork/projection(_:)`` against `outpost project --format json`.
@Suite struct ProjectionTests {
    let bundled = CommandLineTool.path("Graphs/overseas-police-stations")

    @Test func bureausLinkedByStationsAreTheCommandsPairs() throws {
        let network = try LoadedNetwork(contentsOf: bundled)
        let result = try network.projection(.kinds(onto: [.publicSecurityBureau], via: [.policeStation]))
        #expect(!result.pairs.isEmpty)
        let cli = try CommandLineTool.run("project", bundled, "--onto", "public-security-bureau", "--via", "police-station", "--format", "json")
        #expect(cli.status == 0, "\(cli.stderr)")
        let rows = try #require((try CommandLineTool.json(cli.stdout) as? [String: Any])?["pairs"] as? [[String: Any]])
        #expect(rows.count == result.pairs.count)
        for (pair, row) in zip(result.pairs, rows) {
            #expect(pair.a == row["a"] as? String && pair.b == row["b"] as? String)
            #expect(pair.weight == row["weight"] as? Int && pair.weight == pair.shared.count)
            #expect(pair.shared.joined(separator: " ") == row["shared"] as? String)
        }
        #expect(zip(result.pairs, result.pairs.dropFirst()).allSatisfy { $0.weight >= $1.weight }, "heaviest first")
        // The export graph holds every bureau, linked or not, and one edge per pair.
        let bureaus = network.graph.nodeAttributes.filter { $0["kind"] == "public-security-bureau" }.count
        #expect(result.graph.nodeCount == bureaus && result.graph.edgeCount == result.pairs.count)
        #expect(!result.graph.isDirected)
    }

    @Test func aSelectionThatDoesNotFitTheInputIsALibraryError() throws {
        let network = try LoadedNetwork(contentsOf: bundled)
        #expect(throws: AnalysisError.projectionSelectionMismatch(dataset: true)) {
            try network.projection(.attribute(name: "bipartite", value: "0"))
        }
        var graph = Graph(directed: false)
        let a = graph.addNode("a", attributes: ["bipartite": "0"]), b = graph.addNode("b", attributes: ["bipartite": "0"])
        let x = graph.addNode("x", attributes: ["bipartite": "1"])
        graph.addEdge(a, x)
        graph.addEdge(b, x)
        let plain = LoadedNetwork(graph, name: "two-mode.csv")
        let projected = try plain.projection(.attribute(name: "bipartite", value: "0"))
        #expect(projected.pairs.map { [$0.a, $0.b, $0.shared.joined()] } == [["a", "b", "x"]])
        #expect(throws: AnalysisError.projectionSelectionMismatch(dataset: false)) { try plain.projection(.kinds(onto: [.policeStation])) }
        #expect(throws: AnalysisError.self) { try plain.projection(.attribute(name: "bipartite", value: "2")) }
    }
}
