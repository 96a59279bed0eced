import OutpostGraph

extension GraphIndex {
    /// PageRank, as NetworkX's `pagerank` (its SciPy implementation).
    ///
    /// Each node passes α times its score to its out-neighbours in proportion to edge weight
    /// (or equally, unweighted); dangling nodes (no out-edges) spread theirs by the
    /// personalization vector; every node receives (1 − α)·p. Undirected graphs count each edge
    /// in both directions. Starts from the uniform vector and stops when the L1 change is below
    /// n·`tolerance`. Scores sum to 1. Disconnected graphs need no special case.
    ///
    /// - Parameters:
    ///   - alpha: damping factor (0.85).
    ///   - personalization: per-node weights for the teleport (normalised to sum 1); nil is uniform.
    ///   - weighted: use edge weights (NetworkX's default is `weight='weight'`; the command line
    ///     uses weights only when `--weight` is given).
    /// - Throws: ``ConvergenceError`` after `maxIterations`; ``AlgorithmError`` for a
    ///   personalization vector without one entry per node or that does not sum to a positive
    ///   number, and, when `weighted`, for a negative, NaN or infinite edge weight.
    /// - Complexity: O(*E*) per iteration.
    public func pageRank(alpha: Double = 0.85, personalization: [Double]? = nil, weighted: Bool = false,
                         maxIterations: Int = 10_000, tolerance: Double = 1e-13) throws -> CentralityScores {
        let n = nodeCount
        if weighted { try checkWeightsFiniteAndNonNegative(for: "PageRank") }
        if let personalization, personalization.count != n {
            throw AlgorithmError.personalizationLength(expected: n, actual: personalization.count)
        }
        guard n > 0 else { return CentralityScores(measure: "pagerank", scores: [], ids: ids) }
        var p = [Double](repeating: 1 / Double(n), count: n)
        if let personalization {
            let sum = personalization.reduce(0, +)
            guard sum > 0, sum.isFinite else { throw AlgorithmError.personalizationSum }
            p = personalization.map { $0 / sum }
        }
        // Out-strength of each node; edge shares are weight / strength.
        var strength = [Double](repeating: 0, count: n)
        for v in 0..<n {
            var s = 0.0
            for slot in offsets[v]..<offsets[v + 1] { s += weighted ? weights[slot] : 1 }
            strength[v] = s
        }
        let dangling = (0..<n).filter { strength[$0] == 0 }
        // One checked view of the rows for every iteration; the rank vectors are raw buffers.
        // Each iteration pulls: node v sums the shares of its in-neighbours u (x[u] over u's
        // out-strength, times the weight of u → v), in ascending u, which is the order in which
        // pushing each u's share along its out-edges would add them to v. So the sums are the
        // same to the last bit, and each v is one block's alone: the blocks (fixed, split by
        // in-slots) run in parallel with the same result on any number of cores.
        return try withAdjacency { a in
            let x = RawBuffer(n, 1 / Double(n)), next = RawBuffer(n, 0.0), share = RawBuffer(n, 0.0)
            defer { x.free(); next.free(); share.free() }
            let blocks = max(1, min(Parallel.blockCount, n))
            var cuts = [0]
            for b in 1..<blocks {
                // The first node whose in-slots start at or past the b-th even share of them.
                let goal = a.inOffsets[n] * b / blocks
                var lo = cuts[b - 1], hi = n
                while lo < hi { let mid = (lo + hi) / 2; if a.inOffsets[mid] < goal { lo = mid + 1 } else { hi = mid } }
                cuts.append(lo)
            }
            cuts.append(n)
            let bounds = cuts
            try strength.withRawBuffer { strength in
                try p.withRawBuffer { p in
                    for _ in 0..<maxIterations {
                        for u in 0..<n { share[u] = strength[u] > 0 ? x[u] / strength[u] : 0 }
                        DispatchQueueBlocks.run(blocks) { block in
                            for v in bounds[block]..<bounds[block + 1] {
                                var sum = 0.0
                                if weighted {
                                    for slot in a.inOffsets[v]..<a.inOffsets[v + 1] { sum += share[Int(a.inSources[slot])] * a.inWeights[slot] }
                                } else {
                                    for slot in a.inOffsets[v]..<a.inOffsets[v + 1] { sum += share[Int(a.inSources[slot])] }
                                }
                                next[v] = sum
                            }
                        }
                        var danglingSum = 0.0
                        for v in dangling { danglingSum += x[v] }
                        var change = 0.0
                        for v in 0..<n {
                            let updated = alpha * (next[v] + danglingSum * p[v]) + (1 - alpha) * p[v]
                            change += abs(updated - x[v])
                            x[v] = updated
                        }
                        if change < Double(n) * tolerance { return }
                    }
                    throw ConvergenceError(measure: "PageRank", iterations: maxIterations)
                }
            }
            return CentralityScores(measure: "pagerank", scores: x.array, ids: ids)
        }
    }
}
