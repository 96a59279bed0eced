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
        for u in 0..<n {
            if index.isDirected {
                // Merge the sorted out- and in-rows, summing the weights of a pair.
                var i = index.offsets[u], j = index.inOffsets[u]
                let iEnd = index.offsets[u + 1], jEnd = index.inOffsets[u + 1]
                while i < iEnd || j < jEnd {
                    let a = i < iEnd ? index.targets[i] : Int32.max
                    let b = j < jEnd ? index.inSources[j] : Int32.max
                    let v = min(a, b)
                    var w = 0.0
                    if a == v {
                        let x = weighted ? index.weights[i] : 1
                        w += x; outStrength[u] += x; total += x
                        i += 1
                    }
                    if b == v {
                        let x = weighted ? index.inWeights[j] : 1
                        w += x; inStrength[u] += x
                        j += 1
                    }
                    if Int(v) == u {
                        selfWeight[u] = weighted ? (index.weight(from: u, to: u) ?? 0) : 1
                    } else {
                        targets.append(v); weights.append(w)
                    }
                }
            } else {
                var degree = 0.0
                for slot in index.offsets[u]..<index.offsets[u + 1] {
                    let v = index.targets[slot]
                    let w = weighted ? index.weights[slot] : 1
                    if Int(v) == u {
                        selfWeight[u] = w
                        degree += 2 * w
                    } else {
                        targets.append(v); weights.append(w)
                        degree += w
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
    func aggregated(by labels: [Int32], count: Int) -> ModularityGraph {
        // Members of each community, by a counting sort.
        var start = [Int](repeating: 0, count: count + 1)
        for u in 0..<nodeCount { start[Int(labels[u]) + 1] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var cursor = start
        var members = [Int32](repeating: 0, count: nodeCount)
        for u in 0..<nodeCount {
            let c = Int(labels[u]); members[cursor[c]] = Int32(u); cursor[c] += 1
        }
        var outStrength = [Double](repeating: 0, count: count)
        var inStrength = [Double](repeating: 0, count: count)
        var selfWeight = [Double](repeating: 0, count: count)
        var offsets = [Int](repeating: 0, count: count + 1)
        var newTargets: [Int32] = [], newWeights: [Double] = []
        newTargets.reserveCapacity(min(targets.count, count * 8))
        newWeights.reserveCapacity(newTargets.capacity)
        var accumulated = [Double](repeating: 0, count: count)
        var seen = [Bool](repeating: false, count: count)
        var touched: [Int32] = []
        for c in 0..<count {
            for position in start[c]..<start[c + 1] {
                let u = Int(members[position])
                outStrength[c] += self.outStrength[u]; inStrength[c] += self.inStrength[u]
                selfWeight[c] += self.selfWeight[u]
                for slot in self.offsets[u]..<self.offsets[u + 1] {
                    let d = labels[Int(targets[slot])]
                    if Int(d) == c {
                        selfWeight[c] += weights[slot] / 2
                    } else {
                        if !seen[Int(d)] { seen[Int(d)] = true; touched.append(d) }
                        accumulated[Int(d)] += weights[slot]
                    }
                }
            }
            for d in touched {
                newTargets.append(d); newWeights.append(accumulated[Int(d)])
                accumulated[Int(d)] = 0; seen[Int(d)] = false
            }
            touched.removeAll(keepingCapacity: true)
            offsets[c + 1] = newTargets.count
        }
        return ModularityGraph(nodeCount: count, offsets: offsets, targets: newTargets, weights: newWeights,
                               outStrength: outStrength, inStrength: inStrength, selfWeight: selfWeight,
                               totalWeight: totalWeight)
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
