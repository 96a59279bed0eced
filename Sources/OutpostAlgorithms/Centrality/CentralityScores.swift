import OutpostGraph

/// One score per node, indexed like the ``GraphIndex`` it was computed on.
public struct CentralityScores: Sendable, Codable, Equatable {
    /// The measure's name as the command line spells it (`betweenness`).
    public var measure: String
    public var scores: [Double]

    public init(measure: String, scores: [Double]) {
        self.measure = measure
        self.scores = scores
    }

    /// Node indices sorted by score descending, then by `ids` ascending (the documented order
    /// of every ranking Outpost prints).
    public func ranking(ids: [String]) -> [Int] {
        scores.indices.sorted { a, b in
            scores[a] != scores[b] ? scores[a] > scores[b] : ids[a] < ids[b]
        }
    }
}

/// A power iteration that did not converge (NetworkX raises `PowerIterationFailedConvergence`).
public struct ConvergenceError: Error, CustomStringConvertible, Sendable {
    public var measure: String
    public var iterations: Int

    public var description: String {
        "\(measure) did not converge in \(iterations) iterations; raise --max-iter, loosen --tolerance, or (for katz) lower --alpha below 1/λ_max"
    }
}

/// An algorithm asked to do what its definition does not allow.
public struct AlgorithmError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
