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
        // One checked view of the rows for every iteration; the rank vectors are raw buffers,
        // so the scatter loop does no bounds or exclusivity checks of its own.
        return try withAdjacency { a in
            let x = RawBuffer(n, 1 / Double(n)), next = RawBuffer(n, 0.0)
            defer { x.free(); next.free() }
            try strength.withRawBuffer { strength in
                try p.withRawBuffer { p in
                    for _ in 0..<maxIterations {
                        for v in 0..<n { next[v] = 0 }
                        for v in 0..<n where strength[v] > 0 {
                            let share = x[v] / strength[v]
                            if weighted {
                                for slot in a.offsets[v]..<a.offsets[v + 1] { next[Int(a.targets[slot])] += share * a.weights[slot] }
                            } else {
                                for slot in a.offsets[v]..<a.offsets[v + 1] { next[Int(a.targets[slot])] += share }
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
