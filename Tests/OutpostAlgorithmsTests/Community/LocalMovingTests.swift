import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// Leiden's local moving decides node by node; the speculative parallel path must commit
/// exactly the decisions of the sequential one, whatever the chunk size.
@Suite struct LocalMovingTests {
    /// Runs local moving from `start` with one seed and returns the partition.
    static func moved(_ graph: ModularityGraph, from start: [Int32], resolution: Double = 1,
                      mode: LocalMoving.Mode) -> [Int32] {
        var partition = start
        let count = compactLabels(&partition, bound: graph.nodeCount)
        var random = SeededRandom(seed: 11)
        leidenMoveNodes(graph, &partition, count: count, resolution: resolution, random: &random, mode: mode)
        return partition
    }

    /// A random start with `groups` labels, so that moves begin from non-singleton communities.
    static func randomStart(_ n: Int, groups: Int, seed: UInt64) -> [Int32] {
        var random = SeededRandom(seed: seed)
        return (0..<n).map { _ in Int32(random.below(groups)) }
    }

    @Test(arguments: CommunityFixtures.allGraphs)
    func speculativeEqualsSequentialOnTheFixtures(_ name: String) throws {
        let index = try CommunityFixtures.graph(name)
        for weighted in [false, true] {
            let graph = ModularityGraph(index, weighted: weighted)
            let starts = [(0..<index.nodeCount).map(Int32.init), Self.randomStart(index.nodeCount, groups: 5, seed: 3)]
            for (s, start) in starts.enumerated() {
                for resolution in [0.5, 1, 2] {
                    let sequential = Self.moved(graph, from: start, resolution: resolution, mode: .sequential)
                    // Chunk 1 commits each evaluation at once; larger chunks must redo stale ones.
                    for chunk in [1, 2, 5, 16, 1000] {
                        let speculative = Self.moved(graph, from: start, resolution: resolution, mode: .speculative(chunk: chunk))
                        #expect(speculative == sequential, "\(name) weighted=\(weighted) start \(s) γ=\(resolution) chunk \(chunk)")
                    }
                    #expect(Self.moved(graph, from: start, resolution: resolution, mode: .speculative(chunk: nil)) == sequential)
                }
            }
        }
    }

    /// A planted partition large enough for the automatic mode to go speculative, with a
    /// sizeable share of evaluations redone.
    @Test func automaticModeOnALargeGraphEqualsSequential() throws {
        let blocks = 40, size = 300
        var random = SeededRandom(seed: 99)
        var graph = Graph(directed: false)
        for v in 0..<(blocks * size) { _ = graph.addNode(String(v)) }
        for b in 0..<blocks {
            for _ in 0..<(size * 4) {
                let u = b * size + random.below(size), v = b * size + random.below(size)
                if u != v { _ = graph.addEdge(u, v) }
            }
        }
        for _ in 0..<(blocks * size) {
            let u = random.below(blocks * size), v = random.below(blocks * size)
            if u != v { _ = graph.addEdge(u, v) }
        }
        let index = GraphIndex(graph)
        #expect(index.nodeCount >= LocalMoving.parallelThreshold)
        let modularityGraph = ModularityGraph(index, weighted: false)
        let singletons = (0..<index.nodeCount).map(Int32.init)
        let sequential = Self.moved(modularityGraph, from: singletons, mode: .sequential)
        #expect(Self.moved(modularityGraph, from: singletons, mode: .automatic) == sequential)
        #expect(Self.moved(modularityGraph, from: singletons, mode: .speculative(chunk: 4096)) == sequential)
        #expect(Set(sequential).count < index.nodeCount / 2, "local moving merged nodes")
    }
}
