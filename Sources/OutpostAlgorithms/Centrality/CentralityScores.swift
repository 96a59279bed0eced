import OutpostGraph

/// One score per node, indexed like the ``GraphIndex`` it was computed on and reachable by
/// node id, as NetworkX returns a dict keyed by node.
public struct CentralityScores: Sendable, Codable, Equatable {
    /// The measure's name (`betweenness`).
    public var measure: String
    /// Scores by node index.
    public var scores: [Double]
    /// Node ids by index (``GraphIndex/ids``); empty when the scores were made without them.
    public var ids: [String]

    public init(measure: String, scores: [Double], ids: [String] = []) {
        self.measure = measure
        self.scores = scores
        self.ids = ids
    }

    /// The score of the node at `index`.
    public subscript(index: Int) -> Double { scores[index] }

    /// The score of the node with this id (`scores["fuzhou-psb"]`), nil when no node has it.
    /// - Complexity: O(*V*): a scan of ``ids``; to read many, look the indices up once with
    ///   ``GraphIndex/index(of:)`` and use the integer subscript.
    public subscript(id: String) -> Double? {
        ids.firstIndex(of: id).map { scores[$0] }
    }

    /// Node indices sorted by score descending, then by `ids` ascending (the documented order
    /// of every ranking Outpost prints); ties go by index when `ids` does not name every node.
    public func ranking(ids: [String]) -> [Int] {
        let byID = ids.count == scores.count
        return scores.indices.sorted { a, b in
            scores[a] != scores[b] ? scores[a] > scores[b] : (byID ? ids[a] < ids[b] : a < b)
        }
    }

    /// The ranking by this result's own ``ids``.
    public func ranking() -> [Int] { ranking(ids: ids) }
}

/// A power iteration that did not converge (NetworkX raises `PowerIterationFailedConvergence`).
public struct ConvergenceError: Error, CustomStringConvertible, Sendable {
    public var measure: String
    public var iterations: Int

    public var description: String {
        "\(measure) did not converge in \(iterations) iterations; allow more iterations, loosen the tolerance, or (for katz) lower alpha below 1/λ_max"
    }
}
