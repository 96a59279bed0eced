import OutpostGraph

extension GraphIndex {
    /// Eigenvector centrality by power iteration, as NetworkX's `eigenvector_centrality`.
    ///
    /// Iterates x ← (A + I)ᵀx from the uniform vector, normalising to unit Euclidean length, until
    /// the L1 change is below n·`tolerance`. For directed graphs a node's score comes from its
    /// in-neighbours (left eigenvector), as in NetworkX. On a disconnected graph the result
    /// depends on the start vector as NetworkX's does; isolated nodes of a graph with edges end
    /// near 0.
    ///
    /// - Parameters:
    ///   - weighted: multiply by edge weights (NetworkX's `weight='weight'`).
    ///   - tolerance: tighter than NetworkX's 1e-6 by default so results agree to ~1e-9.
    /// - Throws: ``ConvergenceError`` after `maxIterations`; ``AlgorithmError`` when `weighted`
    ///   and an edge weight is negative, NaN or infinite (the Perron–Frobenius vector this
    ///   computes exists for non-negative weights).
    /// - Complexity: O(*E*) per iteration.
    public func eigenvectorCentrality(weighted: Bool = false, maxIterations: Int = 10_000,
                                      tolerance: Double = 1e-12) throws -> CentralityScores {
        if weighted { try checkWeightsFiniteAndNonNegative(for: "eigenvector centrality") }
        let n = nodeCount
        guard n > 0 else { return CentralityScores(measure: "eigenvector", scores: [], ids: ids) }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = x
        for _ in 0..<maxIterations {
            next = x
            for v in 0..<n {
                let xv = x[v]
                for slot in offsets[v]..<offsets[v + 1] {
                    next[Int(targets[slot])] += xv * (weighted ? weights[slot] : 1)
                }
            }
            var norm = 0.0
            for value in next { norm += value * value }
            norm = norm.squareRoot()
            if norm == 0 { norm = 1 }
            var change = 0.0
            for v in 0..<n {
                next[v] /= norm
                change += abs(next[v] - x[v])
            }
            swap(&x, &next)
            if change < Double(n) * tolerance { return CentralityScores(measure: "eigenvector", scores: x, ids: ids) }
        }
        throw ConvergenceError(measure: "eigenvector centrality", iterations: maxIterations)
    }

    /// Katz centrality, as NetworkX's `katz_centrality`: x ← α·Aᵀx + β from x = 0, until the L1
    /// change is below n·`tolerance`; then (if `normalized`) scaled to unit Euclidean length.
    /// Directed graphs take scores from in-neighbours. Converges only for α < 1/λ_max.
    ///
    /// - Parameters:
    ///   - alpha: attenuation (NetworkX's default 0.1); `beta`: the constant term (1).
    ///   - weighted: multiply by edge weights.
    /// - Throws: ``ConvergenceError`` after `maxIterations`; ``AlgorithmError`` when `weighted`
    ///   and an edge weight is negative, NaN or infinite.
    /// - Complexity: O(*E*) per iteration.
    public func katzCentrality(alpha: Double = 0.1, beta: Double = 1, normalized: Bool = true, weighted: Bool = false,
                               maxIterations: Int = 100_000, tolerance: Double = 1e-12) throws -> CentralityScores {
        if weighted { try checkWeightsFiniteAndNonNegative(for: "Katz centrality") }
        let n = nodeCount
        var x = [Double](repeating: 0, count: n)
        var next = x
        for _ in 0..<maxIterations {
            for v in 0..<n { next[v] = 0 }
            for v in 0..<n {
                let xv = x[v]
                for slot in offsets[v]..<offsets[v + 1] {
                    next[Int(targets[slot])] += xv * (weighted ? weights[slot] : 1)
                }
            }
            var change = 0.0
            for v in 0..<n {
                next[v] = alpha * next[v] + beta
                change += abs(next[v] - x[v])
            }
            swap(&x, &next)
            if change < Double(n) * tolerance {
                if normalized {
                    var norm = 0.0
                    for value in x { norm += value * value }
                    let s = norm == 0 ? 1 : 1 / norm.squareRoot()
                    for v in 0..<n { x[v] *= s }
                }
                return CentralityScores(measure: "katz", scores: x, ids: ids)
            }
            if change.isInfinite || change.isNaN { break }
        }
        throw ConvergenceError(measure: "katz centrality", iterations: maxIterations)
    }
}
