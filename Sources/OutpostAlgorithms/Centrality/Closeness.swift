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
    ///   - progress: told how many of the *n* searches are done (see ``ProgressHandler``).
    /// - Throws: ``AlgorithmError`` when `weighted` and an edge weight is negative, NaN or
    ///   infinite.
    /// - Complexity: O(*V*·*E*) unweighted, O(*V*·(*E* + *V*) log *V*) weighted; in parallel over
    ///   nodes. Unweighted, one multi-source breadth-first search serves 64 sources (see
    ///   `incomingDistanceSums`).
    public func closenessCentrality(weighted: Bool = false, wassermanFaust: Bool = true,
                                    progress: ProgressHandler? = nil) throws -> CentralityScores {
        if weighted { try checkWeightsFiniteAndNonNegative(for: "closeness") }
        let n = nodeCount
        let sums = incomingDistanceSums(weighted: weighted, progress: progress)
        var scores = [Double](repeating: 0, count: n)
        for u in 0..<n {
            let (reached, total, _) = sums[u]
            guard total > 0, n > 1 else { continue }
            var c = Double(reached - 1) / total
            if wassermanFaust { c *= Double(reached - 1) / Double(n - 1) }
            scores[u] = c
        }
        return CentralityScores(measure: "closeness", scores: scores, ids: ids)
    }

    /// Harmonic centrality, as NetworkX's `harmonic_centrality`: the sum over other nodes v of
    /// 1/d(v, u), with unreachable nodes contributing 0 (so disconnected graphs need no special
    /// case). Directed graphs use distances *to* u. Not normalised, as in NetworkX.
    /// - Throws: ``AlgorithmError`` when `weighted` and an edge weight is negative, NaN or
    ///   infinite.
    /// - Complexity: as ``closenessCentrality(weighted:wassermanFaust:progress:)``.
    public func harmonicCentrality(weighted: Bool = false, progress: ProgressHandler? = nil) throws -> CentralityScores {
        if weighted { try checkWeightsFiniteAndNonNegative(for: "harmonic centrality") }
        return CentralityScores(measure: "harmonic",
                                scores: incomingDistanceSums(weighted: weighted, progress: progress).map(\.reciprocalSum), ids: ids)
    }

    /// For every node u: how many nodes reach it (itself included), the sum of their distances to
    /// it and the sum of the reciprocals of those distances.
    ///
    /// Unweighted, the searches run forward from batches of 64 sources at once
    /// (``BreadthFirstLayout/addHopSums(from:state:into:)``), each reached node adding up its
    /// distances from the batch's sources: the distances *to* u, as the definition asks. The
    /// batches are split into ``Parallel/blockCount`` blocks summed in block order. Weighted,
    /// one Dijkstra search per node along in-edges.
    func incomingDistanceSums(weighted: Bool, progress: ProgressHandler? = nil)
        -> [(reached: Int, total: Double, reciprocalSum: Double)] {
        let n = nodeCount
        let counter = ProgressCounter.make(total: n, progress)
        guard weighted else {
            let layout = BreadthFirstLayout(self)
            let batches = layout.sourceBatches(capacity: UInt64.capacity)
            let sums = Parallel.accumulateWithState(sourceCount: batches.count, width: 3 * n,
                                                    makeState: { MultiSourceState<UInt64>(nodeCount: n) },
                                                    release: { $0.free() }) { batch, accumulator, state in
                layout.addHopSums(from: batches[batch], state: state, into: accumulator)
                counter?.advance(by: batches[batch].count)
            }
            return layout.newIndex.map { u in
                let u = Int(u)
                return (Int(sums[3 * u]), sums[3 * u + 1], sums[3 * u + 2])
            }
        }
        let reached = RawBuffer<Int>(repeating: 0, count: n)
        let totals = RawBuffer<Double>(repeating: 0, count: n)
        let reciprocals = RawBuffer<Double>(repeating: 0, count: n)
        defer { reached.free(); totals.free(); reciprocals.free() }
        let graph = self
        let blocks = max(1, min(Parallel.blockCount, n))
        DispatchQueueBlocks.run(blocks) { block in
            let lo = n * block / blocks, hi = n * (block + 1) / blocks
            var search = ShortestPathSearch(nodeCount: n)
            for u in lo..<hi {
                var count = 0, total = 0.0, reciprocal = 0.0
                // Dijkstra along in-edges: the distances *to* u.
                search.run(graph, from: u, weighted: true, reversed: true)
                for v in search.settled {
                    let d = search.distance[Int(v)]
                    count += 1; total += d
                    if d != 0 { reciprocal += 1 / d }
                }
                search.reset()
                reached[u] = count
                totals[u] = total
                reciprocals[u] = reciprocal
                counter?.advance()
            }
        }
        return (0..<n).map { (reached[$0], totals[$0], reciprocals[$0]) }
    }
}
