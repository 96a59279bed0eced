import Foundation
import Testing
import OutpostGraph
@testable import OutpostIO

/// Pajek written and read back; Pajek as NetworkX and igraph write it; bad Pajek.
@Suite struct PajekTests {
    @Test func aGraphRoundTripsWithItsIdsAndWeights() throws {
        var graph = Graph(directed: true)
        let a = graph.addNode("station-amsterdam"), b = graph.addNode("lishui psb"), c = graph.addNode("7")
        graph.addEdge(a, b); graph.addEdge(a, b, weight: 2.5); graph.addEdge(c, a)
        let text = try PajekWriter().write(graph)
        #expect(text == "*vertices 3\n1 \"station-amsterdam\"\n2 \"lishui psb\"\n3 \"7\"\n*arcs\n1 2 1.0\n1 2 2.5\n3 1 1.0\n")
        let read = try PajekReader().read(Data(text.utf8))
        #expect(read.isDirected && read.nodeIDs == graph.nodeIDs && read.edgeWeights == [1, 2.5, 1])
        #expect(zip(read.edgeSources, read.edgeTargets).map { [$0, $1] } == [[0, 1], [0, 1], [2, 0]])
    }

    @Test func readsNetworkXAndIgraphLayouts() throws {
        // NetworkX: `id label x y shape` then attribute pairs; igraph: `*Vertices`, `*Edges`, a `%` comment.
        let networkX = "*vertices 2\n1 a 0.0 0.0 ellipse colour red\n2 b 0.0 0.0 ellipse\n*arcs\n1 2 1.0 type x\n"
        let graph = try PajekReader().read(Data(networkX.utf8))
        #expect(graph.nodeIDs == ["a", "b"] && graph.nodeAttributes[0]["colour"] == "red" && graph.nodeAttributes[0]["shape"] == "ellipse")
        #expect(graph.attributes(ofEdge: 0) == ["type": "x"])
        let igraph = "% written by igraph\n*Vertices 3\n*Edges\n1 2\n2 3\n"
        let plain = try PajekReader().read(Data(igraph.utf8))
        #expect(!plain.isDirected && plain.nodeIDs == ["1", "2", "3"] && plain.edgeCount == 2)
    }

    /// Found by scripts/fuzz.sh pajek: a line of carriage returns only ended the process.
    @Test func aLineOfCarriageReturnsIsBlank() throws {
        let graph = try PajekReader().read(Data("*vertices 2\r\n\r\r\r\n1 \"a\"\r\n2 \"b\"\r\n*arcs\r\n\r\n1 2\r\n".utf8))
        #expect(graph.nodeIDs == ["a", "b"] && graph.edgeCount == 1)
    }

    @Test func aLabelPajekCannotHoldIsRefused() {
        var graph = Graph(directed: false)
        graph.addNode("say \"hi\"")
        #expect(throws: ExportError.self) { try PajekWriter().write(graph) }
    }

    @Test(arguments: [
        ("*vertices 2\n1 \"a\"\n2 \"a\"\n", "3:3", "label 'a' is also vertex 1's"),
        ("*vertices 2\n*arcs\n1 2 heavy\n", "3:5", "weight 'heavy' is not a finite number"),
        ("*vertices 2\n*arcs\n1 2\n*edges\n2 1\n", "4:1", "a file with both arcs and edges"),
        ("*vertices 2\n*matrix\n0 1\n1 0\n", "2:1", "*matrix sections are not supported"),
        ("1 2\n", "1:1", "a line before any section"),
        ("*vertices 1\n1 \"a\n", "2:1", "a quoted label is never closed"),
        ("*vertices 99999999999\n", "1:1", "*vertices 99999999999 declares far more vertices"),
    ])
    func badPajekNamesTheLine(_ text: String, _ at: String, _ message: String) {
        expectReadError("g.net:\(at): error: \(message)", text) { try PajekReader().read(Data(text.utf8), file: "g.net") }
    }
}
