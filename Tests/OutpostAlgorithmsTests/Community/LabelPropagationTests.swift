import Foundation
import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// Label propagation against NetworkX's `label_propagation_communities` (fixture
/// `label_propagation`): the same communities, not just similar ones.
@Suite struct LabelPropagationTests {
    @Test(arguments: CommunityFixtures.referenceGraphs)
    func labelPropagationEqualsNetworkX(_ name: String) throws {
        let (index, expected) = try CommunityFixtures.load(name)
        let reference = try #require(expected["label_propagation"] as? [String: Any])
        let communities = try #require(reference["communities"] as? [[String]])
        let weighted = try #require(reference["weighted"] as? Bool)
        let partition = index.labelPropagationCommunities(weighted: weighted)
        #expect(CommunityFixtures.idSets(partition, in: index) == Set(communities.map { $0.sorted() }), "\(name)")
        let q = try #require(reference["modularity"] as? Double)
        #expect(abs(partition.modularity - q) < 1e-12)
    }

    @Test func isolatedNodesAndSelfLoops() {
        // nx.Graph([(0,0),(0,1),(1,2),(2,0),(3,4)]) plus isolated 5: NetworkX 3.6.1 gives
        // {0,1,2}, {3,4}, {5}.
        var graph = Graph(directed: false)
        for id in ["0", "1", "2", "3", "4", "5"] { graph.addNode(id) }
        for (u, v) in [(0, 0), (0, 1), (1, 2), (2, 0), (3, 4)] { graph.addEdge(u, v) }
        let partition = GraphIndex(graph).labelPropagationCommunities()
        #expect(partition.communities == [[0, 1, 2], [3, 4], [5]])
    }

    /// NetworkX's `label_propagation_communities` as written there: check every node before
    /// each round, then one round over all colour classes. The labels before canonical
    /// numbering, for comparison with ``GraphIndex/labelPropagationLabels(workers:parallelSlots:)``.
    static func literalLabels(_ index: GraphIndex) -> [Int32] {
        let view = UndirectedView(index)
        let n = index.nodeCount
        let order = (0..<n).sorted {
            view.degree(of: $0) != view.degree(of: $1) ? view.degree(of: $0) > view.degree(of: $1) : $0 < $1
        }
        var color = [Int](repeating: -1, count: n)
        for u in order {
            let used = Set(view.outNeighbors(of: u).map { color[Int($0)] })
            color[u] = (0...).first { !used.contains($0) }!
        }
        let colorCount = (color.max() ?? -1) + 1
        var label = (0..<n).map(Int32.init)
        func mostFrequent(_ u: Int) -> Set<Int32> {
            var frequency: [Int32: Int] = [:]
            for v in view.outNeighbors(of: u) { frequency[label[Int(v)], default: 0] += 1 }
            let best = frequency.values.max() ?? 0
            return Set(frequency.filter { $0.value == best }.keys)
        }
        while !(0..<n).allSatisfy({ view.outNeighbors(of: $0).isEmpty || mostFrequent($0).contains(label[$0]) }) {
            for c in 0..<colorCount {
                for u in 0..<n where color[u] == c && !view.outNeighbors(of: u).isEmpty {
                    let top = mostFrequent(u)
                    if top.count == 1 || !top.contains(label[u]) { label[u] = top.max()! }
                }
            }
        }
        return label
    }

    /// Graphs with many colour classes (a clique of k nodes takes k colours): cliques of 3 to
    /// `cliques + 2` nodes chained by one edge each and `extra` random edges (repeats and self-loops allowed) over them.
    static func cliqueGraph(cliques: Int, extra: Int, directed: Bool, seed: UInt64) -> GraphIndex {
        var random = SeededRandom(seed: seed)
        var graph = Graph(directed: directed)
        var first = 0
        for k in 3..<(cliques + 3) {
            for v in first..<(first + k) { _ = graph.addNode("n\(v)") }
            for a in first..<(first + k) { for b in (a + 1)..<(first + k) { graph.addEdge(a, b) } }
            if first > 0 { graph.addEdge(first - 1, first) }
            first += k
        }
        for _ in 0..<extra { graph.addEdge(Int(random.next() % UInt64(first)), Int(random.next() % UInt64(first))) }
        return GraphIndex(graph)
    }

    static let generated: [(String, GraphIndex)] = [
        ("cliques", cliqueGraph(cliques: 30, extra: 0, directed: false, seed: 1)),
        ("cliques + random", cliqueGraph(cliques: 30, extra: 300, directed: false, seed: 2)),
        ("directed cliques + random", cliqueGraph(cliques: 25, extra: 400, directed: true, seed: 3)),
        ("random", ComponentsTests.randomGraph(nodes: 1500, edges: 6000, directed: false, seed: 4)),
        ("sparse random", ComponentsTests.randomGraph(nodes: 1500, edges: 1200, directed: false, seed: 5)),
    ]

    @Test(arguments: 0..<generated.count)
    func labelsEqualNetworkXsLoopOnGeneratedGraphs(_ i: Int) {
        let (name, index) = Self.generated[i]
        let literal = Self.literalLabels(index)
        #expect(index.labelPropagationLabels(workers: 1) == literal, "\(name), one thread")
        #expect(index.labelPropagationLabels(workers: 2, parallelSlots: 0) == literal, "\(name), two threads")
    }

    @Test(arguments: CommunityFixtures.allGraphs)
    func oneAndTwoThreadsAgreeOnFixtures(_ name: String) throws {
        let index = try CommunityFixtures.graph(name)
        let literal = Self.literalLabels(index)
        #expect(index.labelPropagationLabels(workers: 1) == literal, "\(name), one thread")
        #expect(index.labelPropagationLabels(workers: 2, parallelSlots: 0) == literal, "\(name), two threads")
        #expect(index.labelPropagationLabels(workers: 2) == literal, "\(name), two threads, default split")
    }
}
