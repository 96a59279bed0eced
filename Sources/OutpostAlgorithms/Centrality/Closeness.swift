import OutpostGraph

extension GraphIndex {
    /// Closeness centrality, as NetworkX's `closeness_centrality` with `wf_improved=True`.
    ///
    /// For node u with r − 1 other nodes able to reach it at total distance D:
    /// C(u) = (r − 1)/D, scaled by (r − 1)/(n − 1) (Wasserman and Faust's correction for
    /// disconnected graphs; with `wassermanFaust: false`, unscaled). A node that nothing reaches
    /// scores 0. For directed graphs the distance is *to* u (incoming paths), as NetworkX does by
    /// reversing the graph.
    ///
    /// - Parameters:
    ///   - weighted: edge weights are distances (Dijkstra); otherwise each edge has length 1.
    ///   - wassermanFaust: NetworkX's `wf_improved`.
    /// - Complexity: O(*V*·*E*) unweighted, O(*V*·(*E* + *V*) log *V*) weighted; in parallel over nodes.
    public func closenessCentrality(weighted: Bool = false, wassermanFaust: Bool = true) -> CentralityScores {
        let n = nodeCount
        let sums = incomingDistanceSums(weighted: weighted)
        var scores = [Double](repeating: 0, count: n)
        for u in 0..<n {
            let (reached, total, _) = sums[u]
            guard total > 0, n > 1 else { continue }
            var c = Double(reached - 1) / total
            if wassermanFaust { c *= Double(reached - 1) / Double(n - 1) }
            scores[u] = c
        }
        return CentralityScores(measure: "closeness", scores: scores)
    }

    /// Harmonic centrality, as NetworkX's `harmonic_centrality`: the sum over other nodes v of
    /// 1/d(v, u), with unreachable nodes contributing 0 (so disconnected graphs need no special
    /// case). Directed graphs use distances *to* u. Not normalised, as in NetworkX.
    /// - Complexity: as ``closenessCentrality(weighted:wassermanFaust:)``.
    public func harmonicCentrality(weighted: Bool = false) -> CentralityScores {
        CentralityScores(measure: "harmonic", scores: incomingDistanceSums(weighted: weighted).map(\.reciprocalSum))
    }

    /// For every node u: how many nodes reach it (itself included), the sum of their distances to
    /// it and the sum of the reciprocals of those distances.
    func incomingDistanceSums(weighted: Bool) -> [(reached: Int, total: Double, reciprocalSum: Double)] {
        let n = nodeCount
        let reached = SharedBuffer<Int>(repeating: 0, count: n)
        let totals = SharedBuffer<Double>(repeating: 0, count: n)
        let reciprocals = SharedBuffer<Double>(repeating: 0, count: n)
        defer { reached.free(); totals.free(); reciprocals.free() }
        let graph = self
        let blocks = max(1, min(Parallel.blockCount, n))
        DispatchQueueBlocks.run(blocks) { block in
            let lo = n * block / blocks, hi = n * (block + 1) / blocks
            var distance = [Double](repeating: -1, count: n)
            var queue = [Int32](repeating: 0, count: n)
            var heap = DistanceHeap()
            var done = [Bool](repeating: false, count: n)
            let fastHops = Scratch<Int32>(n, -1), fastQueue = Scratch<Int32>(n, 0)
            defer { fastHops.free(); fastQueue.free() }
            for u in lo..<hi {
                var count = 0, total = 0.0, reciprocal = 0.0
                if weighted {
                    heap.removeAll()
                    heap.push(0, Int32(u))
                    distance[u] = 0
                    var visited = 0
                    while !heap.isEmpty {
                        let (d, node) = heap.pop()
                        let v = Int(node)
                        if done[v] { continue }
                        done[v] = true
                        queue[visited] = node; visited += 1
                        count += 1; total += d
                        if d != 0 { reciprocal += 1 / d }
                        for slot in graph.inOffsets[v]..<graph.inOffsets[v + 1] {
                            let w = Int(graph.inSources[slot])
                            let dw = d + graph.inWeights[slot]
                            if !done[w] && (distance[w] < 0 || dw < distance[w]) {
                                distance[w] = dw
                                heap.push(dw, Int32(w))
                            }
                        }
                    }
                    for k in 0..<visited { let v = Int(queue[k]); distance[v] = -1; done[v] = false }
                    // Nodes pushed but already reset are not possible: every pushed node is popped.
                } else {
                    (count, total, reciprocal) = graph.withAdjacency { a in
                        fastHops[u] = 0
                        fastQueue[0] = Int32(u)
                        var head = 0, tail = 1
                        var hopSum = 0, reciprocal = 0.0
                        while head < tail {
                            let v = Int(fastQueue[head]); head += 1
                            let dv = fastHops[v]
                            hopSum += Int(dv)
                            if dv > 0 { reciprocal += 1 / Double(dv) }
                            var slot = a.inOffsets[v]
                            let end = a.inOffsets[v + 1]
                            while slot < end {
                                let w = Int(a.inSources[slot]); slot += 1
                                if fastHops[w] < 0 { fastHops[w] = dv + 1; fastQueue[tail] = Int32(w); tail += 1 }
                            }
                        }
                        for k in 0..<tail { fastHops[Int(fastQueue[k])] = -1 }
                        return (tail, Double(hopSum), reciprocal)
                    }
                }
                reached.base[u] = count
                totals.base[u] = total
                reciprocals.base[u] = reciprocal
            }
        }
        return (0..<n).map { (reached.base[$0], totals.base[$0], reciprocals.base[$0]) }
    }
}
