import OutpostGraph

/// A walk through the graph with no repeated node, as node indices from source to target.
public struct Path: Hashable, Sendable, Codable {
    /// Node indices, source first. A path from a node to itself is that one node.
    public var nodes: [Int]
    /// The sum of the edge weights along the path when it was found on weights, else the
    /// number of hops. Summed left to right, as NetworkX sums `G[u][v]["weight"]`.
    public var cost: Double

    public init(nodes: [Int], cost: Double) {
        self.nodes = nodes
        self.cost = cost
    }

    /// The number of edges (hops).
    public var length: Int { nodes.count - 1 }

    /// Consecutive node pairs, one per hop.
    public var hops: [(from: Int, to: Int)] {
        nodes.indices.dropLast().map { (nodes[$0], nodes[$0 + 1]) }
    }
}

/// An edge between two node indices with a weight: a result edge, not a view of the CSR.
public struct WeightedEdge: Hashable, Sendable, Codable {
    public var source: Int
    public var target: Int
    public var weight: Double

    public init(source: Int, target: Int, weight: Double) {
        self.source = source
        self.target = target
        self.weight = weight
    }
}

/// Nodes a path may not pass through: named ones, and hubs above a degree.
///
/// Constraints apply to the *intermediate* nodes of a path only: a path may always start at
/// its source and end at its target, whatever their degree.
public struct PathConstraints: Hashable, Sendable {
    /// Node indices no path may pass through.
    public var avoiding: Set<Int>
    /// Intermediate nodes must have at most this degree (``GraphIndex/degree(of:)``: distinct
    /// neighbours, in + out for directed graphs); nil: no limit.
    public var maximumDegree: Int?

    public init(avoiding: Set<Int> = [], maximumDegree: Int? = nil) {
        self.avoiding = avoiding
        self.maximumDegree = maximumDegree
    }

    /// No constraint.
    public static let none = PathConstraints()

    public var isEmpty: Bool { avoiding.isEmpty && maximumDegree == nil }

    /// For each node, whether a path may not enter it (endpoints are exempted by the searches).
    func blockedMask(in index: GraphIndex) -> [Bool] {
        var blocked = [Bool](repeating: false, count: index.nodeCount)
        for v in avoiding where v >= 0 && v < index.nodeCount { blocked[v] = true }
        if let maximumDegree {
            for v in 0..<index.nodeCount where index.degree(of: v) > maximumDegree { blocked[v] = true }
        }
        return blocked
    }
}

extension GraphIndex {
    /// The cost of a node sequence: hops, or the weights summed left to right.
    func cost(of nodes: [Int], weighted: Bool) -> Double {
        guard weighted else { return Double(max(0, nodes.count - 1)) }
        var total = 0.0
        for i in nodes.indices.dropLast() { total += weight(from: nodes[i], to: nodes[i + 1]) ?? .nan }
        return total
    }

    /// Whether `nodes` is a simple path of this graph: every hop an edge, no node twice.
    public func isSimplePath(_ nodes: [Int]) -> Bool {
        guard !nodes.isEmpty, Set(nodes).count == nodes.count else { return false }
        for i in nodes.indices.dropLast() where slot(from: nodes[i], to: nodes[i + 1]) == nil { return false }
        return true
    }
}
