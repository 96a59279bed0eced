import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// The renumbering behind unweighted betweenness and closeness must be a permutation that keeps
/// every edge, and number each (weakly) connected component contiguously.
@Suite struct BreadthFirstLayoutTests {
    @Test(arguments: ["components", "directed", "ba-200"])
    func keepsEveryEdgeUnderAPermutation(_ name: String) throws {
        let (index, _) = try ComponentsTests.load(name)
        let layout = BreadthFirstLayout(index)
        #expect(Set(layout.originalIndex).count == index.nodeCount)
        for v in 0..<index.nodeCount {
            #expect(Int(layout.originalIndex[Int(layout.newIndex[v])]) == v)
            let original = index.targets[index.offsets[v]..<index.offsets[v + 1]].map { Int($0) }
            let u = Int(layout.newIndex[v])
            let renumbered = layout.targets[layout.offsets[u]..<layout.offsets[u + 1]].map { Int(layout.originalIndex[Int($0)]) }
            #expect(renumbered.sorted() == original.sorted(), "row of node \(index.ids[v])")
            let originalIn = index.inSources[index.inOffsets[v]..<index.inOffsets[v + 1]].map { Int($0) }
            let renumberedIn = layout.inSources[layout.inOffsets[u]..<layout.inOffsets[u + 1]].map { Int(layout.originalIndex[Int($0)]) }
            #expect(renumberedIn.sorted() == originalIn.sorted(), "in-row of node \(index.ids[v])")
        }
    }

    @Test func numbersWeaklyConnectedComponentsOfADirectedGraphTogether() {
        // a → b ← c and x → y: following out-edges only, c would start a traversal of its own.
        var graph = Graph(directed: true)
        for id in ["a", "b", "c", "x", "y"] { graph.addNode(id) }
        graph.addEdge(graph.index(of: "a")!, graph.index(of: "b")!)
        graph.addEdge(graph.index(of: "c")!, graph.index(of: "b")!)
        graph.addEdge(graph.index(of: "x")!, graph.index(of: "y")!)
        let index = GraphIndex(graph)
        let layout = BreadthFirstLayout(index)
        #expect(layout.originalIndex.map { index.ids[Int($0)] } == ["a", "b", "c", "x", "y"])
        #expect(layout.componentStart == [0, 3, 5])
        #expect(layout.sourceBatches(capacity: 2) == [0..<2, 2..<3, 3..<5])
    }

    @Test func startsAtTheBusiestNodeAndVisitsBreadthFirst() throws {
        // A star centred on "hub" plus a separate pair: the hub comes first, then its leaves, then the pair.
        var graph = Graph(directed: false)
        for id in ["a", "b", "hub", "c", "x", "y"] { graph.addNode(id) }
        for leaf in ["a", "b", "c"] { graph.addEdge(graph.index(of: "hub")!, graph.index(of: leaf)!) }
        graph.addEdge(graph.index(of: "x")!, graph.index(of: "y")!)
        let index = GraphIndex(graph)
        let layout = BreadthFirstLayout(index)
        #expect(layout.originalIndex.map { index.ids[Int($0)] } == ["hub", "a", "b", "c", "x", "y"])
        // Two components, each numbered contiguously.
        #expect(layout.componentStart == [0, 4, 6])
        #expect((0..<6).map { layout.componentRange(of: $0) } == [0..<4, 0..<4, 0..<4, 0..<4, 4..<6, 4..<6])
        let restored = layout.renumbering.restoringOriginalOrder([10, 11, 12, 13, 14, 15])
        #expect(restored == [11, 12, 10, 13, 14, 15])
        #expect(layout.renumbering.applied(to: restored) == [10, 11, 12, 13, 14, 15])
    }

    @Test func groupingKeepsTheOrderWithinAGroup() {
        let renumbering = Renumbering(grouping: [1, 0, 1, 2, 0], count: 3)
        #expect(renumbering.originalIndex == [1, 4, 0, 2, 3])
        #expect(renumbering.newIndex == [2, 0, 3, 4, 1])
    }
}
