import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// A directed index read as undirected: each neighbour once, both directions joined.
@Suite struct UndirectedViewTests {
    /// a → b (weight 2), b → a (weight 5), b → c (1), c → c (3).
    static func directed() -> GraphIndex {
        var graph = Graph(directed: true)
        for id in ["a", "b", "c"] { graph.addNode(id) }
        graph.addEdge(0, 1, weight: 2); graph.addEdge(1, 0, weight: 5); graph.addEdge(1, 2, weight: 1)
        graph.addEdge(2, 2, weight: 3)
        return GraphIndex(graph)
    }

    @Test func rowsJoinBothDirectionsOnce() {
        let view = UndirectedView(Self.directed())
        #expect(!view.isDirected)
        #expect(Array(view.outNeighbors(of: 0)) == [1])
        #expect(Array(view.outNeighbors(of: 1)) == [0, 2])
        #expect(Array(view.outNeighbors(of: 2)) == [1, 2])
        #expect(Array(view.inNeighbors(of: 2)) == [1, 2])
        #expect(view.weight(from: 0, to: 1) == 2, "the shorter of a → b and b → a")
        #expect(view.weight(from: 2, to: 1) == 1 && view.weight(from: 0, to: 2) == nil)
        #expect(view.degree(of: 2) == 3, "a self-loop counts twice, as in NetworkX")
    }

    @Test func sumsAndUnitWeights() {
        let index = Self.directed()
        #expect(UndirectedView(index, combining: .sum).weight(from: 1, to: 0) == 7)
        #expect(UndirectedView(index, combining: .sum, weighted: false).weight(from: 1, to: 0) == 2)
        #expect(UndirectedView(index, weighted: false).weight(from: 1, to: 2) == 1)
    }

    @Test func anUndirectedIndexIsItsOwnView() {
        var graph = Graph(directed: false)
        for id in ["a", "b", "c"] { graph.addNode(id) }
        graph.addEdge(0, 1, weight: 4); graph.addEdge(2, 1, weight: 1)
        let index = GraphIndex(graph)
        let view = UndirectedView(index)
        #expect(view.offsets == index.offsets && view.targets == index.targets && view.weights == index.weights)
    }
}
