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
    /// - Complexity: O(*E*) time per pass over the nodes, typically a few passes per level and
    ///   O(log *V*) levels; O(*V* + *E*) space.
    public func louvainCommunities(resolution: Double = 1, seed: UInt64 = 42, weighted: Bool = true,
                                   threshold: Double = 1e-7) -> Partition {
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
    var totalOut = graph.outStrength, totalIn = graph.inStrength
    var order = (0..<n).map(Int32.init)
    random.shuffle(&order)
    let m = graph.totalWeight
    let scale = resolution / m  // gains are kept multiplied by m
    let tolerance = 1e-12 * (1 + resolution)
    var toCommunity = [Double](repeating: 0, count: n)
    var seen = [Bool](repeating: false, count: n)
    var touched = [Int32](); touched.reserveCapacity(64)
    graph.offsets.withUnsafeBufferPointer { offsets in
    graph.targets.withUnsafeBufferPointer { targets in
    graph.weights.withUnsafeBufferPointer { weights in
    graph.outStrength.withUnsafeBufferPointer { kOut in
    graph.inStrength.withUnsafeBufferPointer { kIn in
        var moved = true
        while moved {
            moved = false
            for u32 in order {
                let u = Int(u32)
                let old = Int(community[u])
                for slot in offsets[u]..<offsets[u + 1] {
                    let c = Int(community[Int(targets[slot])])
                    if !seen[c] { seen[c] = true; touched.append(Int32(c)) }
                    toCommunity[c] += weights[slot]
                }
                let ko = kOut[u], ki = kIn[u]
                totalOut[old] -= ko; totalIn[old] -= ki
                let removeCost = -toCommunity[old] + scale * (ko * totalIn[old] + ki * totalOut[old])
                var best = old
                // A move must beat staying by more than rounding noise, or two equivalent
                // communities could trade a node forever.
                var bestGain = tolerance * (ko + ki)
                for c32 in touched {
                    let c = Int(c32)
                    if c != old {
                        let gain = removeCost + toCommunity[c] - scale * (ko * totalIn[c] + ki * totalOut[c])
                        if gain > bestGain { bestGain = gain; best = c }
                    }
                    toCommunity[c] = 0; seen[c] = false
                }
                touched.removeAll(keepingCapacity: true)
                totalOut[best] += ko; totalIn[best] += ki
                if best != old {
                    community[u] = Int32(best)
                    moved = true
                }
            }
        }
    }}}}}
    return community
}
