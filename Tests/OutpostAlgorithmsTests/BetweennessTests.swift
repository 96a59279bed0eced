import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// Unweighted betweenness expands big BFS layers bottom-up; the dependencies it sums must be
/// those of the top-down pass (checked against NetworkX by `CentralityTests`).
@Suite struct BetweennessTests {
    /// Per-source dependencies summed over all sources, with or without bottom-up layers,
    /// and how many layers went bottom-up.
    static func dependencies(_ index: GraphIndex, bottomUp: Bool) -> (scores: [Double], bottomUpLayers: Int) {
        let layout = BreadthFirstLayout(index)
        let state = UnweightedBrandesState(n: index.nodeCount, arcs: layout.targets.count)
        defer { state.free() }
        let accumulator = RawBuffer(max(1, index.nodeCount), 0.0)
        defer { accumulator.free() }
        var layers = 0
        for s in 0..<index.nodeCount {
            layers += layout.brandesUnweighted(source: s, state: state, into: accumulator, bottomUp: bottomUp)
        }
        return ((0..<index.nodeCount).map { accumulator[$0] }, layers)
    }

    /// Preferential attachment (each new node links to `m` earlier nodes picked by degree),
    /// plus `extraPath` nodes hanging off node 0 in a chain, so that the BFS has both big
    /// middle layers and a long thin tail.
    static func smallWorld(nodes: Int, m: Int, extraPath: Int, seed: UInt64) -> GraphIndex {
        var random = SeededRandom(seed: seed)
        var graph = Graph(directed: false)
        for v in 0..<(nodes + extraPath) { _ = graph.addNode(String(v)) }
        var ends: [Int] = Array(0..<m)
        for v in m..<nodes {
            var chosen = Set<Int>()
            while chosen.count < m { chosen.insert(ends[random.below(ends.count)]) }
            for u in chosen.sorted() { _ = graph.addEdge(v, u); ends += [u, v] }
        }
        var previous = 0
        for v in nodes..<(nodes + extraPath) { _ = graph.addEdge(previous, v); previous = v }
        return GraphIndex(graph)
    }

    static func expectClose(_ a: [Double], _ b: [Double], _ label: String) {
        #expect(a.count == b.count)
        let worst = zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
        #expect(worst < 1e-12, "\(label): worst relative difference \(worst)")
    }

    @Test func bottomUpLayersGiveTheTopDownDependencies() {
        let index = Self.smallWorld(nodes: 1500, m: 3, extraPath: 40, seed: 5)
        let hybrid = Self.dependencies(index, bottomUp: true), topDown = Self.dependencies(index, bottomUp: false)
        #expect(hybrid.bottomUpLayers > index.nodeCount, "most sources expand some layer bottom-up")
        #expect(topDown.bottomUpLayers == 0)
        Self.expectClose(hybrid.scores, topDown.scores, "small world")
    }

    @Test(arguments: CommunityFixtures.allGraphs)
    func fixturesGiveTheSameDependencies(_ name: String) throws {
        let index = try CommunityFixtures.graph(name)
        Self.expectClose(Self.dependencies(index, bottomUp: true).scores, Self.dependencies(index, bottomUp: false).scores, name)
    }

    @Test(arguments: [30, 400])
    func disconnectedGraphWithIsolatedNodes(_ secondSize: Int) {
        // A small world, another beside it (small or as big) and three isolated nodes. Only
        // the source's own component counts as unreached, so bottom-up layers happen in both.
        let big = Self.smallWorld(nodes: 400, m: 3, extraPath: 5, seed: 1)
        let small = Self.smallWorld(nodes: secondSize, m: 2, extraPath: 0, seed: 2)
        var graph = Graph(directed: false)
        for v in 0..<(big.nodeCount + small.nodeCount + 3) { _ = graph.addNode(String(v)) }
        for (part, shift) in [(big, 0), (small, big.nodeCount)] {
            for u in 0..<part.nodeCount {
                for slot in part.offsets[u]..<part.offsets[u + 1] where Int(part.targets[slot]) > u {
                    _ = graph.addEdge(shift + u, shift + Int(part.targets[slot]))
                }
            }
        }
        let index = GraphIndex(graph)
        let hybrid = Self.dependencies(index, bottomUp: true)
        // Most sources of both components expand some layer bottom-up.
        #expect(hybrid.bottomUpLayers > (big.nodeCount + small.nodeCount) / 2)
        Self.expectClose(hybrid.scores, Self.dependencies(index, bottomUp: false).scores, "components of 400 and \(secondSize)")
    }
}
