import OutpostGraph

extension GraphIndex {
    /// Communities by the Louvain method (Blondel, Guillaume, Lambiotte & Lefebvre 2008),
    /// maximising modularity with resolution γ, as NetworkX's `louvain_communities` does.
    ///
    /// Each level starts with every node alone, visits the nodes in an order shuffled once
    /// by the seed, and moves each to the neighbouring community with the largest positive
    /// modularity gain (ties: the first such community among its neighbours), repeating
    /// passes until one moves nothing (a gain must exceed rounding noise, 10⁻¹² of the node's
    /// strength). The communities then become the nodes of the next
    /// level (edge weights summed, inner edges as self-loops). It stops when a level raises
    /// modularity by no more than `threshold` (NetworkX's 1e-7) and returns the last level.
    /// NetworkX draws from Python's Mersenne Twister; Outpost uses its own seeded generator, so
    /// the same seed gives a different (but equally valid, and on every machine the same)
    /// result from NetworkX's.
    ///
    /// - Direction: a directed graph is optimised for directed modularity (Leicht & Newman
    ///   2008) with out- and in-degrees, as NetworkX does; a node's gain counts edges in both
    ///   directions.
    /// - Weights: edge weights when `weighted`, otherwise 1 per edge. Weights must be
    ///   non-negative.
    /// - Disconnected graphs and isolated nodes: never merged across components; an isolated
    ///   node stays alone. A graph without edges gives singletons with modularity 0.
    /// - Parameters:
    ///   - resolution: γ (see ``modularity(of:resolution:weighted:)``).
    ///   - seed: seeds the shuffling; the same seed gives the same partition on every machine.
    ///   - weighted: use edge weights.
    ///   - threshold: minimum modularity gain for another level.
    /// - Returns: the communities, with their modularity as ``modularity(of:resolution:weighted:)``
    ///   computes it on this graph.
    /// - Throws: ``AlgorithmError`` when `weighted` and an edge weight is negative, NaN or
    ///   infinite.
    /// - Complexity: O(*E*) time per pass over the nodes, typically a few passes per level and
    ///   O(log *V*) levels; O(*V* + *E*) space.
    public func louvainCommunities(resolution: Double = 1, seed: UInt64 = 42, weighted: Bool = true,
                                   threshold: Double = 1e-7) throws -> Partition {
        if weighted { try checkWeightsFiniteAndNonNegative(for: "Louvain") }
        var random = SeededRandom(seed: seed)
        var graph = ModularityGraph(self, weighted: weighted)
        var membership = (0..<nodeCount).map(Int32.init)
        guard graph.totalWeight > 0 else {
            return Partition(labels: membership, modularity: modularity(of: membership, resolution: resolution, weighted: weighted))
        }
        var quality = graph.quality(of: (0..<graph.nodeCount).map(Int32.init), count: graph.nodeCount, resolution: resolution)
        while true {
            var labels = louvainLevel(graph, resolution: resolution, random: &random)
            let count = compactLabels(&labels, bound: graph.nodeCount)
            for v in 0..<nodeCount { membership[v] = labels[Int(membership[v])] }
            let newQuality = graph.quality(of: labels, count: count, resolution: resolution)
            if newQuality - quality <= threshold || count == graph.nodeCount { break }
            quality = newQuality
            graph = graph.aggregated(by: labels, count: count)
        }
        return Partition(labels: membership, modularity: modularity(of: membership, resolution: resolution, weighted: weighted))
    }
}

/// One Louvain level: local moves from singletons until a pass moves nothing. Returns each
/// node's community (not compacted).
func louvainLevel(_ graph: ModularityGraph, resolution: Double, random: inout SeededRandom) -> [Int32] {
    let n = graph.nodeCount
    var community = (0..<n).map(Int32.init)
    var order = (0..<n).map(Int32.init)
    random.shuffle(&order)
    let m = graph.totalWeight
    let scale = resolution / m  // gains are kept multiplied by m
    let tolerance = 1e-12 * (1 + resolution)
    // Raw scratch: the pass below is the whole cost of Louvain, and Swift arrays there cost a
    // bounds check per access and a uniqueness check per append.
    let totalOut = RawBuffer(n, 0.0), totalIn = RawBuffer(n, 0.0)
    let toCommunity = RawBuffer(n, 0.0), seen = RawBuffer(n, false), touched = RawBuffer(n, Int32(0))
    defer { totalOut.free(); totalIn.free(); toCommunity.free(); seen.free(); touched.free() }
    graph.withRaw { g in
    order.withRawBuffer { order in
    community.withMutableRawBuffer { community in
        for u in 0..<n { totalOut[u] = g.outStrength[u]; totalIn[u] = g.inStrength[u] }
        var moved = true
        while moved {
            moved = false
            for i in 0..<n {
                // The order is random: ask for the memory of later nodes early.
                g.prefetch(ahead: order, of: i, end: n, label: community)
                let u = Int(order[i])
                let old = Int(community[u])
                var touchedCount = 0
                for slot in g.offsets[u]..<g.offsets[u + 1] {
                    let c = Int(community[Int(g.targets[slot])])
                    if !seen[c] { seen[c] = true; touched[touchedCount] = Int32(c); touchedCount += 1 }
                    toCommunity[c] += g.weights[slot]
                }
                let ko = g.outStrength[u], ki = g.inStrength[u]
                totalOut[old] -= ko; totalIn[old] -= ki
                let removeCost = -toCommunity[old] + scale * (ko * totalIn[old] + ki * totalOut[old])
                var best = old
                // A move must beat staying by more than rounding noise, or two equivalent
                // communities could trade a node forever.
                var bestGain = tolerance * (ko + ki)
                for t in 0..<touchedCount {
                    let c = Int(touched[t])
                    if c != old {
                        let gain = removeCost + toCommunity[c] - scale * (ko * totalIn[c] + ki * totalOut[c])
                        if gain > bestGain { bestGain = gain; best = c }
                    }
                    toCommunity[c] = 0; seen[c] = false
                }
                totalOut[best] += ko; totalIn[best] += ki
                if best != old {
                    community[u] = Int32(best)
                    moved = true
                }
            }
        }
    }}}
    return community
}
