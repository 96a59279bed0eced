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
    /// the previous result until ``Leiden/stableIterations`` in a row change nothing, at most
    /// `maximumIterations` times. igraph's `n_iterations = -1` stops at the first unchanged
    /// iteration, but the refinement is random: a later iteration, with other draws, can still
    /// move a node, and on sparse random graphs (G(n, m), average degree 6) the extra
    /// iterations raise the median modularity over seeds above igraph's (see `LeidenTests`). Gains are in units of edge weight as in igraph
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
    /// - Throws: ``AlgorithmError`` when `weighted` and an edge weight is negative, NaN or
    ///   infinite.
    /// - Complexity: O(*E*) per pass of local moving, refinement and aggregation; in practice
    ///   a few passes per level, O(log *V*) levels and a few iterations. O(*V* + *E*) space.
    ///   Refinement and aggregation run in parallel over fixed blocks of communities; local
    ///   moving on large levels evaluates chunks of its queue in parallel and commits them in
    ///   queue order, redoing evaluations made stale by an earlier commit, so its moves are
    ///   those of the sequential process (see `leidenMoveNodes`). After the first iteration the
    ///   nodes are renumbered community by community for locality. None of this depends on the
    ///   number of cores: a seed gives the same partition on every machine.
    public func leidenCommunities(resolution: Double = 1, seed: UInt64 = 42, weighted: Bool = true,
                                  randomness: Double = 0.01, maximumIterations: Int = 50) throws -> Partition {
        if weighted { try checkWeightsFiniteAndNonNegative(for: "Leiden") }
        var random = SeededRandom(seed: seed)
        var base = ModularityGraph(self, weighted: weighted)
        var membership = (0..<nodeCount).map(Int32.init)
        // After the first iteration the nodes are renumbered community by community, so that
        // the later iterations, which mostly confirm the communities, work on nearby memory.
        var renumbering: Renumbering?
        if base.totalWeight > 0 {
            var unchanged = 0
            for iteration in 0..<maximumIterations {
                var next = leidenIteration(base, start: membership, resolution: resolution,
                                           randomness: randomness, random: &random)
                let count = compactLabels(&next, bound: nodeCount)
                if next == membership {
                    unchanged += 1
                    if unchanged == Leiden.stableIterations { break }
                    continue
                }
                unchanged = 0
                membership = next
                if iteration == 0 && iteration + 1 < maximumIterations {
                    let grouping = Renumbering(grouping: membership, count: count)
                    base = base.renumbered(by: grouping)
                    membership = grouping.applied(to: membership)
                    renumbering = grouping
                }
            }
        }
        if let renumbering {
            membership = renumbering.restoringOriginalOrder(membership)
            _ = compactLabels(&membership, bound: nodeCount)
        }
        return Partition(labels: membership, modularity: modularity(of: membership, resolution: resolution, weighted: weighted))
    }
}

enum Leiden {
    /// Unchanged iterations in a row after which ``GraphIndex/leidenCommunities(resolution:seed:weighted:randomness:maximumIterations:)``
    /// stops. On the G(n, m) fixtures `gnm-200-4`, `gnm-300-1`, `gnm-300-5`, `gnm-400-3`,
    /// `gnm-500-2` (seeds 0–39), stopping at the first, as igraph does, gave medians 0.4213,
    /// 0.4142, 0.4089, 0.4249, 0.4234 against igraph's 0.4223, 0.4138, 0.4066, 0.4242, 0.4240;
    /// three give 0.4224, 0.4153, 0.4100, 0.4258, 0.4246 for about 1.6 times the iterations;
    /// six added at most 0.001 more.
    static let stableIterations = 3
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

/// Refinement: within each community, nodes start alone; a well-connected node still alone
/// merges, at random with probability ∝ exp(ΔH / θ) among non-negative gains, into a
/// well-connected sub-community it has edges to. Returns each node's sub-community.
///
/// Communities are refined independently of each other (a sub-community never leaves its
/// community), so they run in parallel: consecutive communities are split into
/// ``Parallel/blockCount`` blocks of about equal node counts, and every community draws its
/// node order and choices from its own generator, seeded from `random` and the community's
/// number. The result therefore does not depend on the number of cores.
func leidenRefine(_ graph: ModularityGraph, _ partition: [Int32], communityCount: Int, resolution: Double,
                  randomness: Double, random: inout SeededRandom) -> [Int32] {
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    let scale = resolution / graph.totalWeight
    // Members of each community in node order, by a counting sort.
    var start = [Int](repeating: 0, count: communityCount + 1)
    for u in 0..<n { start[Int(partition[u]) + 1] += 1 }
    for c in 0..<communityCount { start[c + 1] += start[c] }
    var cursor = start
    let members = RawBuffer<Int32>(repeating: 0, count: n)
    for u in 0..<n {
        let c = Int(partition[u]); members[cursor[c]] = Int32(u); cursor[c] += 1
    }
    // Each worker writes only entries of nodes (and sub-communities, which are numbered by a
    // member node) inside its own communities.
    let refined = RawBuffer<Int32>(repeating: 0, count: n)
    let clusterOut = RawBuffer<Double>(repeating: 0, count: n), clusterIn = RawBuffer<Double>(repeating: 0, count: n)
    let external = RawBuffer<Double>(repeating: 0, count: n)
    let nonSingleton = RawBuffer<Bool>(repeating: false, count: n)
    let toCluster = RawBuffer<Double>(repeating: 0, count: n)
    let seen = RawBuffer<Bool>(repeating: false, count: n)
    defer {
        for buffer in [members, refined] { buffer.free() }
        for buffer in [clusterOut, clusterIn, external, toCluster] { buffer.free() }
        nonSingleton.free(); seen.free()
    }
    let streamSeed = random.next()
    // Block b holds the communities whose members start in [n·b/B, n·(b+1)/B).
    let blocks = Parallel.blockCount
    var firstCommunity = [Int](repeating: communityCount, count: blocks + 1)
    do {
        var c = 0
        for block in 0..<blocks {
            while c < communityCount && start[c] < n * block / blocks { c += 1 }
            firstCommunity[block] = c
        }
    }
    let partitionCopy = partition, starts = start, bounds = firstCommunity
    DispatchQueueBlocks.run(blocks) { block in
        graph.withRaw { g in
            partitionCopy.withRawBuffer { partition in
                // A node's candidates are distinct neighbouring sub-communities: at most its
                // degree, so the block's largest degree bounds its lists.
                var maximumDegree = 0
                if bounds[block] < bounds[block + 1] {
                    for position in starts[bounds[block]]..<starts[bounds[block + 1]] {
                        let u = Int(members[position])
                        maximumDegree = max(maximumDegree, g.offsets[u + 1] - g.offsets[u])
                    }
                }
                let width = maximumDegree + 1
                let touched = RawBuffer(width, Int32(0))
                let candidates = RawBuffer(width, (cluster: Int32(0), gain: 0.0))
                defer { touched.free(); candidates.free() }
                var touchedCount = 0
                for c in bounds[block]..<bounds[block + 1] {
                    let lo = starts[c], hi = starts[c + 1]
                    var random = SeededRandom(seed: streamSeed &+ UInt64(c) &* 0x9E37_79B9_7F4A_7C15)
                    var communityOut = 0.0, communityIn = 0.0
                    for position in lo..<hi {
                        let u = Int(members[position])
                        refined[u] = Int32(u)
                        clusterOut[u] = g.outStrength[u]; clusterIn[u] = g.inStrength[u]
                        communityOut += g.outStrength[u]; communityIn += g.inStrength[u]
                        var inside = 0.0
                        for slot in g.offsets[u]..<g.offsets[u + 1] where partition[Int(g.targets[slot])] == Int32(c) {
                            inside += g.weights[slot]
                        }
                        external[u] = inside
                    }
                    // Fisher–Yates over this community's members, from the last down.
                    var i = hi - lo - 1
                    while i > 0 {
                        let j = random.below(i + 1)
                        let kept = members[lo + i]
                        members[lo + i] = members[lo + j]; members[lo + j] = kept
                        i -= 1
                    }
                    for position in lo..<hi {
                        // The order is random: ask for what later members will read.
                        g.prefetch(ahead: members, of: position, end: hi,
                                   label: refined, value: external)
                        let v = Int(members[position])
                        let own = Int(refined[v])
                        if nonSingleton[own] { continue }
                        let ko = g.outStrength[v], ki = g.inStrength[v]
                        guard external[v] >= scale * (ko * (communityIn - ki) + ki * (communityOut - ko)) else { continue }
                        clusterOut[own] = 0; clusterIn[own] = 0
                        for slot in g.offsets[v]..<g.offsets[v + 1] {
                            let u = Int(g.targets[slot])
                            guard partition[u] == Int32(c) else { continue }
                            let r = Int(refined[u])
                            if !seen[r] { seen[r] = true; touched[touchedCount] = Int32(r); touchedCount += 1 }
                            toCluster[r] += g.weights[slot]
                        }
                        candidates[0] = (Int32(own), 0)
                        var candidateCount = 1
                        var maxGain = 0.0
                        for t in 0..<touchedCount {
                            let r32 = touched[t], r = Int(r32)
                            let ro = clusterOut[r], ri = clusterIn[r]
                            if r != own && external[r] >= scale * (ro * (communityIn - ri) + ri * (communityOut - ro)) {
                                let gain = toCluster[r] - scale * (ko * ri + ki * ro)
                                if gain >= 0 {
                                    candidates[candidateCount] = (r32, gain); candidateCount += 1
                                    maxGain = max(maxGain, gain)
                                }
                            }
                        }
                        var chosen = own
                        if candidateCount > 1 {
                            var total = 0.0
                            for i in 0..<candidateCount {
                                let p = exp((candidates[i].gain - maxGain) / randomness)
                                total += p
                                candidates[i].gain = total
                            }
                            let x = random.unit() * total
                            chosen = Int(candidates[candidateCount - 1].cluster)
                            for i in 0..<candidateCount where x < candidates[i].gain { chosen = Int(candidates[i].cluster); break }
                        }
                        clusterOut[chosen] += ko; clusterIn[chosen] += ki
                        if chosen != own {
                            refined[v] = Int32(chosen)
                            external[chosen] += external[v] - 2 * toCluster[chosen]
                            nonSingleton[chosen] = true
                        }
                        for t in 0..<touchedCount { toCluster[Int(touched[t])] = 0; seen[Int(touched[t])] = false }
                        touchedCount = 0
                    }
                }
            }
        }
    }
    return refined.array
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
