import Testing
@testable import OutpostGraph

@Suite struct GraphIndexTests {
    func graph(directed: Bool, _ edges: [(String, String, Double)]) -> Graph {
        var g = Graph(directed: directed)
        for (u, v, w) in edges { g.addEdge(g.addNode(u), g.addNode(v), weight: w) }
        return g
    }

    @Test func undirectedRowsAreSymmetricAndSorted() {
        let g = graph(directed: false, [("a", "c", 1), ("a", "b", 2), ("c", "b", 3)])
        let index = GraphIndex(g)
        #expect(index.nodeCount == 3)
        #expect(index.edgeCount == 3)
        #expect(Array(index.neighbours(of: 0)) == [1, 2])  // a: c(1), b(2) sorted by index
        #expect(Array(index.neighbours(of: 1)) == [0, 2])
        #expect(index.weight(from: 2, to: 1) == 3)
        #expect(index.weight(from: 1, to: 2) == 3)
        #expect(index.weight(from: 0, to: 0) == nil)
        #expect(index.degree(of: 0) == 2)
    }

    @Test func directedKeepsInEdges() {
        let g = graph(directed: true, [("a", "b", 1), ("c", "b", 1), ("b", "a", 5)])
        let index = GraphIndex(g)
        #expect(Array(index.neighbours(of: 1)) == [0])
        #expect(Array(index.inNeighbours(of: 1)) == [0, 2])
        #expect(index.weight(from: 1, to: 0) == 5)
        #expect(index.degree(of: 1) == 3)
        #expect(index.edgeCount == 3)
    }

    @Test func parallelEdgesMergeByPolicy() {
        let g = graph(directed: false, [("a", "b", 1), ("b", "a", 4), ("a", "b", 2)])
        let last = GraphIndex(g, merge: .keepLast)
        #expect(last.edgeCount == 1)
        #expect(last.mergedEdgeCount == 2)
        #expect(last.weight(from: 0, to: 1) == 2)
        let sum = GraphIndex(g, merge: .sum)
        #expect(sum.weight(from: 1, to: 0) == 7)
    }

    @Test func selfLoopCountsTwiceInUndirectedDegree() {
        let g = graph(directed: false, [("a", "a", 1), ("a", "b", 1)])
        let index = GraphIndex(g)
        #expect(index.degree(of: 0) == 3, "NetworkX counts a self-loop twice")
        #expect(index.edgeCount == 2)
    }
}

@Suite struct InducedSubgraphTests {
    @Test func keepsNodesAttributesAndParallelEdges() {
        var graph = Graph(directed: false)
        let a = graph.addNode("a", label: "A", attributes: ["kind": "x"])
        let b = graph.addNode("b"), c = graph.addNode("c")
        graph.addEdge(a, b, weight: 2, attributes: ["relation": "one"])
        graph.addEdge(b, a, weight: 3, attributes: ["relation": "two"])
        graph.addEdge(b, c)
        let sub = graph.induced(by: [b, a])
        #expect(sub.nodeIDs == ["b", "a"])
        #expect(sub.nodeLabels == [nil, "A"] && sub.nodeAttributes[1] == ["kind": "x"])
        #expect(sub.edgeCount == 2)
        #expect(sub.edgeWeights == [2, 3])
        #expect(sub.attributes(ofEdge: 1) == ["relation": "two"])
    }
}
