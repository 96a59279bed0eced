import OutpostGraph

/// The graph Louvain and Leiden optimise on, at one aggregation level: a symmetric CSR without
/// self-loops, plus what modularity needs per node.
///
/// Undirected and directed modularity share one form here. With out- and in-strengths
/// k⁺ and k⁻ and total weight m, Q = Σ_c [ L_c / m − γ K⁺_c K⁻_c / m² ]. A directed graph uses
/// its out- and in-degrees; an undirected graph uses k⁺ = k⁻ = degree / 2, which turns the
/// same formula into γ (d_c / 2m)². The adjacency holds, for each pair u ≠ v, the weight of
/// u→v plus v→u (for undirected graphs: the edge weight), which is what a move of u gains
/// from v's community in either case. Self-loops and, after aggregation, the edges inside an
/// aggregate node are kept in `selfWeight`.
struct ModularityGraph {
    var nodeCount: Int
    var offsets: [Int]
    var targets: [Int32]
    var weights: [Double]
    var outStrength: [Double]
    var inStrength: [Double]
    var selfWeight: [Double]
    /// m: total edge weight (a self-loop once); the same at every level.
    var totalWeight: Double

    init(nodeCount: Int, offsets: [Int], targets: [Int32], weights: [Double],
         outStrength: [Double], inStrength: [Double], selfWeight: [Double], totalWeight: Double) {
        self.nodeCount = nodeCount; self.offsets = offsets; self.targets = targets; self.weights = weights
        self.outStrength = outStrength; self.inStrength = inStrength; self.selfWeight = selfWeight
        self.totalWeight = totalWeight
    }

    /// The level-0 graph of an index; every edge weighs 1 unless `weighted`.
    init(_ index: GraphIndex, weighted: Bool) {
        let n = index.nodeCount
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets: [Int32] = [], weights: [Double] = []
        targets.reserveCapacity(index.isDirected ? index.targets.count * 2 : index.targets.count)
        weights.reserveCapacity(targets.capacity)
        var outStrength = [Double](repeating: 0, count: n)
        var inStrength = [Double](repeating: 0, count: n)
        var selfWeight = [Double](repeating: 0, count: n)
        var total = 0.0
        // u→v and v→u add up: what a move of u gains from v's community either way.
        let view = UndirectedView(index, combining: .sum, weighted: weighted)
        for u in 0..<n {
            var w = view.offsets[u]
            if index.isDirected {
                for x in index.outWeights(of: u) { let x = weighted ? x : 1; outStrength[u] += x; total += x }
                for x in index.inWeights(of: u) { inStrength[u] += weighted ? x : 1 }
                for v in view.outNeighbors(of: u) {
                    if Int(v) == u {
                        selfWeight[u] = weighted ? (index.weight(from: u, to: u) ?? 0) : 1
                    } else {
                        targets.append(v); weights.append(view.weights[w])
                    }
                    w += 1
                }
            } else {
                var degree = 0.0
                for v in view.outNeighbors(of: u) {
                    let x = view.weights[w]; w += 1
                    if Int(v) == u {
                        selfWeight[u] = x
                        degree += 2 * x
                    } else {
                        targets.append(v); weights.append(x)
                        degree += x
                    }
                }
                outStrength[u] = degree / 2; inStrength[u] = degree / 2
                total += degree / 2
            }
            offsets[u + 1] = targets.count
        }
        self.init(nodeCount: n, offsets: offsets, targets: targets, weights: weights,
                  outStrength: outStrength, inStrength: inStrength, selfWeight: selfWeight, totalWeight: total)
    }

    /// The same graph with node `v` numbered `renumbering.newIndex[v]`: rows in the new order,
    /// each keeping its neighbours' order.
    func renumbered(by renumbering: Renumbering) -> ModularityGraph {
        var newOffsets = [Int](repeating: 0, count: nodeCount + 1)
        var newTargets = [Int32](), newWeights = [Double]()
        newTargets.reserveCapacity(targets.count); newWeights.reserveCapacity(weights.count)
        for u in 0..<nodeCount {
            let v = Int(renumbering.originalIndex[u])
            for slot in offsets[v]..<offsets[v + 1] {
                newTargets.append(renumbering.newIndex[Int(targets[slot])]); newWeights.append(weights[slot])
            }
            newOffsets[u + 1] = newTargets.count
        }
        return ModularityGraph(nodeCount: nodeCount, offsets: newOffsets, targets: newTargets, weights: newWeights,
                               outStrength: renumbering.applied(to: outStrength), inStrength: renumbering.applied(to: inStrength),
                               selfWeight: renumbering.applied(to: selfWeight), totalWeight: totalWeight)
    }

    /// Q of a partition of this level's nodes (labels compact in `0..<count`).
    func quality(of labels: [Int32], count: Int, resolution: Double) -> Double {
        guard totalWeight > 0 else { return 0 }
        var inside = [Double](repeating: 0, count: count)
        var outSum = [Double](repeating: 0, count: count)
        var inSum = [Double](repeating: 0, count: count)
        for u in 0..<nodeCount {
            let c = Int(labels[u])
            inside[c] += selfWeight[u]
            outSum[c] += outStrength[u]; inSum[c] += inStrength[u]
            for slot in offsets[u]..<offsets[u + 1] where labels[Int(targets[slot])] == labels[u] {
                inside[c] += weights[slot] / 2
            }
        }
        let m = totalWeight
        var q = 0.0
        for c in 0..<count { q += inside[c] / m - resolution * outSum[c] * inSum[c] / (m * m) }
        return q
    }

    /// The graph whose nodes are the communities of `labels` (compact in `0..<count`): strengths
    /// add up, edges between two communities merge, edges inside one become its self weight.
    ///
    /// Communities are split into ``Parallel/blockCount`` blocks of consecutive communities with
    /// about equal numbers of edge slots; each block builds its rows with its own scratch, and
    /// the rows are joined in block order, so the result does not depend on the number of cores.
    /// Within a row, neighbours appear in the order the community's members (by node index)
    /// first reach them.
    func aggregated(by labels: [Int32], count: Int) -> ModularityGraph {
        // Members of each community in node order, by a counting sort.
        var start = [Int](repeating: 0, count: count + 1)
        for u in 0..<nodeCount { start[Int(labels[u]) + 1] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var cursor = start
        var members = [Int32](repeating: 0, count: nodeCount)
        var slotsBefore = [Int](repeating: 0, count: count + 1)  // edge slots of communities before c
        for u in 0..<nodeCount {
            let c = Int(labels[u]); members[cursor[c]] = Int32(u); cursor[c] += 1
            slotsBefore[c + 1] += offsets[u + 1] - offsets[u]
        }
        for c in 0..<count { slotsBefore[c + 1] += slotsBefore[c] }
        let blocks = Parallel.blockCount
        var firstCommunity = [Int](repeating: count, count: blocks + 1)
        var c = 0
        for block in 0..<blocks {
            while c < count && slotsBefore[c] < slotsBefore[count] * block / blocks { c += 1 }
            firstCommunity[block] = c
        }
        let outStrength = RawBuffer<Double>(repeating: 0, count: count)
        let inStrength = RawBuffer<Double>(repeating: 0, count: count)
        let selfWeight = RawBuffer<Double>(repeating: 0, count: count)
        let rowLength = RawBuffer<Int>(repeating: 0, count: count)
        let pieces = BlockResults<(targets: [Int32], weights: [Double])>(count: blocks)
        defer { outStrength.free(); inStrength.free(); selfWeight.free(); rowLength.free() }
        let bounds = firstCommunity, starts = start, memberList = members, slotPrefix = slotsBefore
        DispatchQueueBlocks.run(blocks) { block in
            let lo = bounds[block], hi = bounds[block + 1]
            guard lo < hi else { pieces.set(block, ([], [])); return }
            var newTargets: [Int32] = [], newWeights: [Double] = []
            // A block's rows hold at most its communities' edge slots.
            let capacity = slotPrefix[hi] - slotPrefix[lo]
            newTargets.reserveCapacity(capacity); newWeights.reserveCapacity(capacity)
            let accumulated = RawBuffer(count, 0.0), seen = RawBuffer(count, false), touched = RawBuffer(count, Int32(0))
            defer { accumulated.free(); seen.free(); touched.free() }
            self.withRaw { g in
                labels.withRawBuffer { labels in
                memberList.withRawBuffer { memberList in
                    for c in lo..<hi {
                        var touchedCount = 0
                        var ko = 0.0, ki = 0.0, inside = 0.0
                        for position in starts[c]..<starts[c + 1] {
                            // Members of one community are scattered: ask for the rows of
                            // the next ones early.
                            g.prefetch(ahead: memberList, of: position, end: memberList.count)
                            let u = Int(memberList[position])
                            ko += g.outStrength[u]; ki += g.inStrength[u]
                            inside += g.selfWeight[u]
                            for slot in g.offsets[u]..<g.offsets[u + 1] {
                                let d = Int(labels[Int(g.targets[slot])])
                                if d == c {
                                    inside += g.weights[slot] / 2
                                } else {
                                    if !seen[d] { seen[d] = true; touched[touchedCount] = Int32(d); touchedCount += 1 }
                                    accumulated[d] += g.weights[slot]
                                }
                            }
                        }
                        outStrength[c] = ko; inStrength[c] = ki; selfWeight[c] = inside
                        for t in 0..<touchedCount {
                            let d = Int(touched[t])
                            newTargets.append(Int32(d)); newWeights.append(accumulated[d])
                            accumulated[d] = 0; seen[d] = false
                        }
                        rowLength[c] = touchedCount
                    }
                }}
            }
            pieces.set(block, (newTargets, newWeights))
        }
        var offsets = [Int](repeating: 0, count: count + 1)
        for c in 0..<count { offsets[c + 1] = offsets[c] + rowLength[c] }
        var newTargets: [Int32] = [], newWeights: [Double] = []
        newTargets.reserveCapacity(offsets[count]); newWeights.reserveCapacity(offsets[count])
        for block in 0..<blocks {
            newTargets += pieces[block].targets; newWeights += pieces[block].weights
        }
        return ModularityGraph(nodeCount: count, offsets: offsets, targets: newTargets, weights: newWeights,
                               outStrength: outStrength.array,
                               inStrength: inStrength.array,
                               selfWeight: selfWeight.array,
                               totalWeight: totalWeight)
    }
}

/// Raw views of a ``ModularityGraph``'s arrays for inner loops, valid only inside
/// ``ModularityGraph/withRaw(_:)``: its rows as a ``RawAdjacency`` (symmetric, so the in-rows
/// are the out-rows) and what modularity needs per node.
struct RawModularityGraph {
    let adjacency: RawAdjacency
    let outStrength: RawBuffer<Double>
    let inStrength: RawBuffer<Double>
    let selfWeight: RawBuffer<Double>

    var nodeCount: Int { adjacency.nodeCount }
    var offsets: RawBuffer<Int> { adjacency.offsets }
    var targets: RawBuffer<Int32> { adjacency.targets }
    var weights: RawWeights { adjacency.weights }
}

extension RawModularityGraph {
    /// How many nodes ahead of the one being visited the memory it will read is requested.
    /// Visiting orders are random (a shuffled queue, a community's scattered members), so
    /// without it every node's row is a wait on memory; at this distance the loads of about
    /// eight nodes are in flight at once.
    static let prefetchDistance = 8

    /// Both stages of prefetching for the visit of `nodes[i]` in `nodes[..<end]`: the row start
    /// (and the entries of `label` and `value`) of the node ``prefetchDistance`` ahead, and the
    /// row of the node half as far ahead.
    @inline(__always)
    func prefetch(ahead nodes: RawBuffer<Int32>, of i: Int, end: Int,
                  label: RawBuffer<Int32>? = nil, value: RawBuffer<Double>? = nil) {
        let d = RawModularityGraph.prefetchDistance
        if i + d < end {
            let w = Int(nodes[i + d])
            prefetchRowStart(w)
            if let label { label.prefetch(w) }
            if let value { value.prefetch(w) }
        }
        if i + d / 2 < end { prefetchRow(Int(nodes[i + d / 2])) }
    }

    /// Asks for the cache line of `offsets[u]`: the first stage of prefetching a node that
    /// will be visited in random order.
    @inline(__always)
    func prefetchRowStart(_ u: Int) { offsets.prefetch(u) }

    /// Asks for the first lines of `u`'s row and for its strengths: the second stage, issued
    /// once `offsets[u]` has had time to arrive.
    @inline(__always)
    func prefetchRow(_ u: Int) {
        let slot = offsets[u]
        targets.prefetch(slot); weights.prefetch(slot); weights.prefetch(slot + 8)
        outStrength.prefetch(u); inStrength.prefetch(u)
    }
}

extension ModularityGraph {
    func withRaw<R>(_ body: (RawModularityGraph) throws -> R) rethrows -> R {
        try withRawRows(offsets, targets, weights) { o, t, w in
            try outStrength.withRawBuffer { ko in
                try inStrength.withRawBuffer { ki in
                    try selfWeight.withRawBuffer { sw in
                        try body(RawModularityGraph(adjacency: RawAdjacency(symmetric: nodeCount, offsets: o, targets: t, weights: w),
                                                    outStrength: ko, inStrength: ki, selfWeight: sw))
                    }
                }
            }
        }
    }
}

/// Renumbers labels to `0..<count` in order of first appearance; returns the count.
func compactLabels(_ labels: inout [Int32], bound: Int) -> Int {
    var map = [Int32](repeating: -1, count: bound)
    var next: Int32 = 0
    for v in labels.indices {
        let c = Int(labels[v])
        if map[c] < 0 { map[c] = next; next += 1 }
        labels[v] = map[c]
    }
    return Int(next)
}
