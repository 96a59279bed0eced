import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// The direction-optimising searches behind closeness and harmonic centrality, against a plain
/// breadth-first search written here, on graphs big enough for bottom-up layers (the NetworkX
/// fixtures in `CentralityTests` are small).
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
        guard directed else { return index }
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

    @Test(arguments: [false, true])
    func directionOptimisingSearchMatchesAPlainOne(_ directed: Bool) {
        let index = Self.graph(directed: directed, seed: 8)
        let expected = Self.plainSums(index)
        let actual = index.incomingDistanceSums(weighted: false)
        for u in 0..<index.nodeCount {
            #expect(actual[u].reached == expected[u].0, "node \(u)")
            #expect(actual[u].total == expected[u].1, "node \(u)")
            #expect(abs(actual[u].reciprocalSum - expected[u].2) <= 1e-12 * expected[u].2, "node \(u)")
        }
    }
}
