import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// The multi-source searches behind closeness and harmonic centrality, against a plain
/// breadth-first search written here, on graphs big enough for several batches and for
/// bottom-up layers, with batches of 64 and of 256 sources.
@Suite struct ClosenessTests {
    /// For each node: how many reach it, the sum of their hop distances, the sum of reciprocals.
    static func plainSums(_ index: GraphIndex) -> [(Int, Double, Double)] {
        (0..<index.nodeCount).map { u in
            var hops = [Int](repeating: -1, count: index.nodeCount)
            hops[u] = 0
            var queue = [u], head = 0
            while head < queue.count {
                let v = queue[head]; head += 1
                for slot in index.inOffsets[v]..<index.inOffsets[v + 1] where hops[Int(index.inSources[slot])] < 0 {
                    hops[Int(index.inSources[slot])] = hops[v] + 1
                    queue.append(Int(index.inSources[slot]))
                }
            }
            var byDistance: [Int: Int] = [:]
            for v in queue where v != u { byDistance[hops[v], default: 0] += 1 }
            let total = byDistance.reduce(0) { $0 + $1.key * $1.value }
            let reciprocal = byDistance.keys.sorted().reduce(0.0) { $0 + Double(byDistance[$1]!) / Double($1) }
            return (queue.count, Double(total), reciprocal)
        }
    }

    static func graph(directed: Bool, seed: UInt64) -> GraphIndex {
        // Preferential attachment plus a chain off node 0: big middle layers and a thin tail.
        let index = BetweennessTests.smallWorld(nodes: 1200, m: 3, extraPath: 30, seed: seed)
        return directed ? oriented(index, seed: seed) : index
    }

    /// `index` with each undirected edge turned into one arc either way, or both.
    static func oriented(_ index: GraphIndex, seed: UInt64) -> GraphIndex {
        var random = SeededRandom(seed: seed &+ 1)
        var graph = Graph(directed: true)
        for v in 0..<index.nodeCount { _ = graph.addNode(index.ids[v]) }
        for u in 0..<index.nodeCount {
            for slot in index.offsets[u]..<index.offsets[u + 1] where Int(index.targets[slot]) > u {
                let v = Int(index.targets[slot])
                // Each undirected edge becomes one arc either way, or both.
                switch random.below(3) {
                case 0: _ = graph.addEdge(u, v)
                case 1: _ = graph.addEdge(v, u)
                default: _ = graph.addEdge(u, v); _ = graph.addEdge(v, u)
                }
            }
        }
        return GraphIndex(graph)
    }

    /// The multi-source sums of every node equal a plain search's.
    static func expectPlainSums(_ index: GraphIndex) {
        let expected = Self.plainSums(index)
        for narrow in [false, true] {
            let actual = index.incomingDistanceSums(weighted: false, narrowBatches: narrow)
            for u in 0..<index.nodeCount {
                #expect(actual[u].reached == expected[u].0, "node \(u)")
                #expect(actual[u].total == expected[u].1, "node \(u)")
                #expect(abs(actual[u].reciprocalSum - expected[u].2) <= 1e-12 * expected[u].2, "node \(u)")
            }
        }
    }

    @Test(arguments: [false, true])
    func multiSourceSearchMatchesAPlainOne(_ directed: Bool) {
        let index = Self.graph(directed: directed, seed: 8)
        Self.expectPlainSums(index)
    }

    /// Three such graphs of different sizes and a few isolated nodes, their nodes interleaved
    /// in a seeded random order, so that no component is a contiguous run of indices.
    static func disjointGraphs(directed: Bool) -> GraphIndex {
        let parts = [(1200, UInt64(8)), (500, UInt64(9)), (200, UInt64(10))].map { nodes, seed -> GraphIndex in
            let index = BetweennessTests.smallWorld(nodes: nodes, m: 3, extraPath: 10, seed: seed)
            return directed ? Self.oriented(index, seed: seed) : index
        }
        let isolated = 5
        let total = parts.reduce(isolated) { $0 + $1.nodeCount }
        var order = (0..<total).map(Int32.init)
        var random = SeededRandom(seed: 77)
        random.shuffle(&order)
        var graph = Graph(directed: directed)
        for position in 0..<total { _ = graph.addNode("n\(position)") }
        var next = 0
        for part in parts {
            let first = next
            for u in 0..<part.nodeCount {
                for slot in part.offsets[u]..<part.offsets[u + 1] {
                    let v = Int(part.targets[slot])
                    if directed || v > u { _ = graph.addEdge(Int(order[first + u]), Int(order[first + v])) }
                }
            }
            next += part.nodeCount
        }
        return GraphIndex(graph)
    }

    @Test(arguments: [false, true])
    func searchesStayInsideTheSourcesComponent(_ directed: Bool) {
        let index = Self.disjointGraphs(directed: directed)
        #expect(index.connectedComponents().count == 8)
        Self.expectPlainSums(index)
    }

    /// Graphs one batch short, full and one over (64 and 256 sources per batch), disconnected,
    /// with isolated nodes and directed: closeness (scaled and not) and harmonic centrality
    /// against NetworkX, with batches of 256 and of 64 sources.
    @Test(arguments: ["batch-63", "batch-64", "batch-65", "batch-129", "batch-directed-130", "batch-257", "batch-directed-300"])
    func batchBoundariesMatchNetworkX(_ name: String) throws {
        let (index, expected) = try ComponentsTests.load(name)
        let check = CentralityTests()
        try check.compare(index.closenessCentrality().scores, index, expected["closeness_centrality"], tolerance: 1e-9, "closeness")
        try check.compare(index.harmonicCentrality().scores, index, expected["harmonic_centrality"], tolerance: 1e-9, "harmonic")
        for narrow in [false, true] {
            let sums = index.incomingDistanceSums(weighted: false, narrowBatches: narrow)
            try check.compare(GraphIndex.closeness(sums, wassermanFaust: true), index, expected["closeness_centrality"],
                              tolerance: 1e-9, "closeness, narrow batches: \(narrow)")
            try check.compare(GraphIndex.closeness(sums, wassermanFaust: false), index, expected["closeness_centrality_unscaled"],
                              tolerance: 1e-9, "unscaled closeness, narrow batches: \(narrow)")
            try check.compare(sums.map(\.reciprocalSum), index, expected["harmonic_centrality"],
                              tolerance: 1e-9, "harmonic, narrow batches: \(narrow)")
        }
    }
}
