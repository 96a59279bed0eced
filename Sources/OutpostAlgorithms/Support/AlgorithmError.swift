import OutpostGraph

/// An algorithm given input its definition does not allow. Each message says what is wrong,
/// where (the node or edge, by id) and what to change; none names a command-line option, so
/// that a front end can add its own advice.
public enum AlgorithmError: Error, CustomStringConvertible, Sendable, Equatable {
    /// An edge weight that is negative, NaN or infinite, given to a measure that reads weights
    /// as lengths or strengths (finite and ≥ 0).
    case invalidWeight(measure: String, source: String, target: String, weight: Double, directed: Bool)
    /// A personalization vector with other than one entry per node.
    case personalizationLength(expected: Int, actual: Int)
    /// A personalization vector whose entries sum to zero (or less), or hold a NaN or infinity.
    case personalizationSum
    /// A measure NetworkX defines only for directed graphs, asked of an undirected one.
    case requiresDirectedGraph(measure: String)
    /// A node with a self-loop, given to a measure that does not allow them.
    case selfLoop(measure: String, node: String)
    /// A parameter outside the range its definition allows (approximate betweenness' epsilon
    /// and delta must lie strictly between 0 and 1).
    case parameterOutOfRange(measure: String, parameter: String, value: Double, allowed: String)

    public var description: String {
        switch self {
        case let .invalidWeight(measure, source, target, weight, directed):
            return "\(measure) on edge weights needs every weight finite and ≥ 0, but the edge '\(source)' \(directed ? "→" : "–") '\(target)' weighs \(weight); correct or remove that weight, or compute \(measure) without weights"
        case let .personalizationLength(expected, actual):
            return "the personalization vector has \(actual) entries but the graph has \(expected) nodes; give one entry per node, in node index order"
        case .personalizationSum:
            return "the personalization vector must hold finite entries with a positive sum; give at least one node a positive weight"
        case let .requiresDirectedGraph(measure):
            return "\(measure) is defined for directed graphs only (NetworkX refuses undirected ones too); read the graph as directed, or use degree centrality"
        case let .selfLoop(measure, node):
            return "\(measure) is not defined for graphs with self-loops (node '\(node)' has one); remove them first"
        case let .parameterOutOfRange(measure, parameter, value, allowed):
            return "\(measure) needs \(parameter) \(allowed), but it is \(value); give a value in that range"
        }
    }

    /// The same as ``description``.
    public var message: String { description }
}

extension GraphIndex {
    /// Refuses weights that are negative, NaN or infinite, naming the first such edge (in
    /// row order) and the measure that asked.
    /// - Complexity: O(*E*).
    public func checkWeightsFiniteAndNonNegative(for measure: String) throws {
        for u in 0..<nodeCount {
            for slot in offsets[u]..<offsets[u + 1] {
                let w = weights[slot]
                guard !(w >= 0 && w.isFinite) else { continue }
                throw AlgorithmError.invalidWeight(measure: measure, source: ids[u], target: ids[Int(targets[slot])],
                                                   weight: w, directed: isDirected)
            }
        }
    }
}
