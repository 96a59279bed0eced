import Foundation
import OutpostGraph

extension GraphIndex {
    /// Communities by the Leiden algorithm (Traag, Waltman & van Eck 2019) maximising
    /// modularity with resolution γ; every community it returns is connected.
    ///
    /// Each iteration alternates three phases until every community is a single node of the
    /// current level: fast local moving (a queue of nodes in seeded random order; a node moves
    /// to the neighbouring or empty community of largest gain, and its neighbours outside that
    /// community are queued again); refinement (inside each community, starting from
    /// singletons, a well-connected node that is still alone joins a well-connected
    /// sub-community with probability ∝ exp(ΔQ / θ) among those that do not lower Q, so every
    /// sub-community stays connected); aggregation of the refined sub-communities, with the
    /// unrefined communities as the next level's starting partition. Iterations repeat from
    /// the previous result until one changes nothing (igraph's `n_iterations = -1`), at most
    /// `maximumIterations` times. Gains are in units of edge weight as in igraph
    /// (ΔH = w(v, C) − γ k_v K_C / 2m), so θ = 0.01 makes the refinement nearly greedy.
    /// If a refinement merges nothing, the level is aggregated by the connected parts of its
    /// communities instead, which keeps the guarantee and ensures progress.
    ///
    /// - Direction: a directed graph is optimised for directed modularity, as for
    ///   ``louvainCommunities(resolution:seed:weighted:threshold:)``; communities are weakly
    ///   connected.
    /// - Weights: edge weights when `weighted`, otherwise 1 per edge; must be non-negative.
    /// - Disconnected graphs: communities never span components; isolated nodes stay alone.
    /// - Parameters:
    ///   - resolution: γ.
    ///   - seed: seeds the node orders and the refinement's choices.
    ///   - weighted: use edge weights.
    ///   - randomness: θ, the refinement's temperature (the paper's 0.01).
    ///   - maximumIterations: bound on the iterations that restart from the previous result.
    /// - Returns: the communities, with their modularity computed on this graph.
    /// - Complexity: O(*E*) per pass of local moving, refinement and aggregation; in practice
    ///   a few passes per level, O(log *V*) levels and a few iterations. O(*V* + *E*) space.
    public func leidenCommunities(resolution: Double = 1, seed: UInt64 = 42, weighted: Bool = true,
                                  randomness: Double = 0.01, maximumIterations: Int = 50) -> Partition {
        var random = SeededRandom(seed: seed)
        let base = ModularityGraph(self, weighted: weighted)
        var membership = (0..<nodeCount).map(Int32.init)
        if base.totalWeight > 0 {
            for _ in 0..<maximumIterations {
                var next = leidenIteration(base, start: membership, resolution: resolution,
                                           randomness: randomness, random: &random)
                _ = compactLabels(&next, bound: nodeCount)
                if next == membership { break }
                membership = next
            }
        }
        return Partition(labels: membership, modularity: modularity(of: membership, resolution: resolution, weighted: weighted))
    }
}

/// One Leiden iteration from `start` (labels in `0..<nodeCount`); returns each node's community.
func leidenIteration(_ base: ModularityGraph, start: [Int32], resolution: Double, randomness: Double,
                     random: inout SeededRandom) -> [Int32] {
    var graph = base
    var partition = start
    var nodeOf = (0..<base.nodeCount).map(Int32.init)  // original node → node of the current level
    while true {
        var count = compactLabels(&partition, bound: graph.nodeCount)
        leidenMoveNodes(graph, &partition, count: count, resolution: resolution, random: &random)
        count = compactLabels(&partition, bound: graph.nodeCount)
        if count == graph.nodeCount { break }
        var refined = leidenRefine(graph, partition, communityCount: count, resolution: resolution,
                                   randomness: randomness, random: &random)
        var refinedCount = compactLabels(&refined, bound: graph.nodeCount)
        if refinedCount == graph.nodeCount {
            refined = connectedParts(graph, partition)
            refinedCount = compactLabels(&refined, bound: graph.nodeCount)
            if refinedCount == graph.nodeCount {
                // No community has an inner edge: each node is its own connected community.
                partition = (0..<graph.nodeCount).map(Int32.init)
                break
            }
        }
        var nextPartition = [Int32](repeating: 0, count: refinedCount)
        for u in 0..<graph.nodeCount { nextPartition[Int(refined[u])] = partition[u] }
        for v in nodeOf.indices { nodeOf[v] = refined[Int(nodeOf[v])] }
        graph = graph.aggregated(by: refined, count: refinedCount)
        partition = nextPartition
    }
    return nodeOf.map { partition[Int($0)] }
}

/// Fast local moving: a queue of nodes in random order; each moves to the neighbouring (or an
/// empty) community with the largest gain, and its neighbours outside that community rejoin
/// the queue. `partition` must be compact in `0..<count`.
func leidenMoveNodes(_ graph: ModularityGraph, _ community: inout [Int32], count: Int, resolution: Double,
                     random: inout SeededRandom) {
    let n = graph.nodeCount
    let scale = resolution / graph.totalWeight
    let tolerance = 1e-12 * (1 + resolution)
    var totalOut = [Double](repeating: 0, count: n), totalIn = [Double](repeating: 0, count: n)
    var size = [Int32](repeating: 0, count: n)
    for u in 0..<n {
        let c = Int(community[u])
        totalOut[c] += graph.outStrength[u]; totalIn[c] += graph.inStrength[u]; size[c] += 1
    }
    var empty = (count..<n).reversed().map(Int32.init)
    var queue = (0..<n).map(Int32.init)
    random.shuffle(&queue)
    var head = 0, queued = n
    var inQueue = [Bool](repeating: true, count: n)
    var toCommunity = [Double](repeating: 0, count: n)
    var seen = [Bool](repeating: false, count: n)
    var touched = [Int32](); touched.reserveCapacity(64)
    graph.offsets.withUnsafeBufferPointer { offsets in
    graph.targets.withUnsafeBufferPointer { targets in
    graph.weights.withUnsafeBufferPointer { weights in
        while queued > 0 {
            let u = Int(queue[head])
            head += 1; if head == n { head = 0 }
            queued -= 1
            inQueue[u] = false
            let old = Int(community[u])
            for slot in offsets[u]..<offsets[u + 1] {
                let c = Int(community[Int(targets[slot])])
                if !seen[c] { seen[c] = true; touched.append(Int32(c)) }
                toCommunity[c] += weights[slot]
            }
            let ko = graph.outStrength[u], ki = graph.inStrength[u]
            totalOut[old] -= ko; totalIn[old] -= ki; size[old] -= 1
            // Moving must beat staying by more than rounding noise, or two equivalent
            // communities could trade a node forever.
            let noise = tolerance * (ko + ki)
            var best = old
            var bestGain = toCommunity[old] - scale * (ko * totalIn[old] + ki * totalOut[old])
            var bar = bestGain + noise
            for c32 in touched {
                let c = Int(c32)
                if c != old {
                    let gain = toCommunity[c] - scale * (ko * totalIn[c] + ki * totalOut[c])
                    if gain > bar { bestGain = gain; bar = gain; best = c }
                }
                toCommunity[c] = 0; seen[c] = false
            }
            touched.removeAll(keepingCapacity: true)
            if size[old] > 0 && bestGain < -noise, let fresh = empty.last {
                best = Int(fresh)  // alone is better than anywhere
            }
            totalOut[best] += ko; totalIn[best] += ki
            if best != old {
                if size[best] == 0 { empty.removeLast() }
                if size[old] == 0 { empty.append(Int32(old)) }
                community[u] = Int32(best)
                for slot in offsets[u]..<offsets[u + 1] {
                    let v = Int(targets[slot])
                    if !inQueue[v] && Int(community[v]) != best {
                        inQueue[v] = true
                        var tail = head + queued; if tail >= n { tail -= n }
                        queue[tail] = Int32(v)
                        queued += 1
                    }
                }
            }
            size[best] += 1
        }
    }}}
}

/// Refinement: within each community, nodes start alone; a well-connected node still alone
/// merges, at random with probability ∝ exp(ΔH / θ) among non-negative gains, into a
/// well-connected sub-community it has edges to. Returns each node's sub-community.
func leidenRefine(_ graph: ModularityGraph, _ partition: [Int32], communityCount: Int, resolution: Double,
                  randomness: Double, random: inout SeededRandom) -> [Int32] {
    let n = graph.nodeCount
    let scale = resolution / graph.totalWeight
    var refined = (0..<n).map(Int32.init)
    var clusterOut = graph.outStrength, clusterIn = graph.inStrength
    var communityOut = [Double](repeating: 0, count: communityCount)
    var communityIn = [Double](repeating: 0, count: communityCount)
    // Weight from each sub-community to the rest of its community.
    var external = [Double](repeating: 0, count: n)
    for u in 0..<n {
        let c = Int(partition[u])
        communityOut[c] += graph.outStrength[u]; communityIn[c] += graph.inStrength[u]
        for slot in graph.offsets[u]..<graph.offsets[u + 1] where partition[Int(graph.targets[slot])] == partition[u] {
            external[u] += graph.weights[slot]
        }
    }
    var nonSingleton = [Bool](repeating: false, count: n)
    var order = (0..<n).map(Int32.init)
    random.shuffle(&order)
    var toCluster = [Double](repeating: 0, count: n)
    var seen = [Bool](repeating: false, count: n)
    var touched = [Int32](); touched.reserveCapacity(64)
    var candidates: [(cluster: Int32, gain: Double)] = []; candidates.reserveCapacity(64)
    for v32 in order {
        let v = Int(v32)
        let own = Int(refined[v])
        if nonSingleton[own] { continue }
        let c = Int(partition[v])
        let ko = graph.outStrength[v], ki = graph.inStrength[v]
        let kcOut = communityOut[c], kcIn = communityIn[c]
        guard external[v] >= scale * (ko * (kcIn - ki) + ki * (kcOut - ko)) else { continue }
        clusterOut[own] = 0; clusterIn[own] = 0
        for slot in graph.offsets[v]..<graph.offsets[v + 1] {
            let u = Int(graph.targets[slot])
            guard partition[u] == partition[v] else { continue }
            let r = Int(refined[u])
            if !seen[r] { seen[r] = true; touched.append(Int32(r)) }
            toCluster[r] += graph.weights[slot]
        }
        candidates.removeAll(keepingCapacity: true)
        candidates.append((Int32(own), 0))
        var maxGain = 0.0
        for r32 in touched {
            let r = Int(r32)
            let ro = clusterOut[r], ri = clusterIn[r]
            if r != own && external[r] >= scale * (ro * (kcIn - ri) + ri * (kcOut - ro)) {
                let gain = toCluster[r] - scale * (ko * ri + ki * ro)
                if gain >= 0 {
                    candidates.append((r32, gain))
                    maxGain = max(maxGain, gain)
                }
            }
        }
        var chosen = own
        if candidates.count > 1 {
            var total = 0.0
            for i in candidates.indices {
                let p = exp((candidates[i].gain - maxGain) / randomness)
                total += p
                candidates[i].gain = total
            }
            let x = random.unit() * total
            chosen = Int(candidates[candidates.count - 1].cluster)
            for candidate in candidates where x < candidate.gain { chosen = Int(candidate.cluster); break }
        }
        clusterOut[chosen] += ko; clusterIn[chosen] += ki
        if chosen != own {
            refined[v] = Int32(chosen)
            external[chosen] += external[v] - 2 * toCluster[chosen]
            nonSingleton[chosen] = true
        }
        for r in touched { toCluster[Int(r)] = 0; seen[Int(r)] = false }
        touched.removeAll(keepingCapacity: true)
    }
    return refined
}

/// Splits each community into its connected parts (edges inside the community only).
func connectedParts(_ graph: ModularityGraph, _ partition: [Int32]) -> [Int32] {
    let n = graph.nodeCount
    var part = [Int32](repeating: -1, count: n)
    var stack: [Int32] = []
    var next: Int32 = 0
    for start in 0..<n where part[start] < 0 {
        part[start] = next
        stack.append(Int32(start))
        while let u32 = stack.popLast() {
            let u = Int(u32)
            for slot in graph.offsets[u]..<graph.offsets[u + 1] {
                let v = Int(graph.targets[slot])
                if part[v] < 0 && partition[v] == partition[u] { part[v] = next; stack.append(Int32(v)) }
            }
        }
        next += 1
    }
    return part
}
