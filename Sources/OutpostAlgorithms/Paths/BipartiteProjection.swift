import OutpostGraph

/// A one-mode projection: nodes of one side, linked when they share neighbours on the other.
public struct Projection: Sendable, Codable, Equatable {
    /// The projected nodes (every node projected onto, linked or not), ascending.
    public var nodes: [Int]
    /// One edge per linked pair with `source < target`; `weight` is the number of shared
    /// neighbours. Ordered by source, then target.
    public var edges: [WeightedEdge]
    /// For each edge, the shared neighbours, ascending.
    public var shared: [[Int]]
}

extension GraphIndex {
    /// The weighted projection of a two-mode network onto `nodes`, as NetworkX's
    /// `bipartite.weighted_projected_graph(B, nodes)` (with `ratio=False`).
    ///
    /// Two of the given nodes are linked when they have a neighbour in common; the link's
    /// weight is the number of distinct common neighbours. Edge weights and parallel edges in
    /// the original graph do not count. `via` restricts which neighbours count (for a
    /// dataset that is not strictly two-mode: associations linked by shared *stations*).
    /// Direction is ignored: on a directed graph a neighbour is any node joined by an edge
    /// either way (NetworkX instead pairs a node's successors with another's predecessors).
    ///
    /// - Parameters:
    ///   - nodes: the node indices to project onto (one side of the network).
    ///   - via: if given, only these nodes count as shared neighbours; nodes in `nodes` never do.
    /// - Returns: the projection with its weighted edges and the neighbours behind each.
    /// - Complexity: O(Σ *d*(w)²) over the shared-neighbour candidates *w*; O(*V*) space.
    public func weightedProjection(onto nodes: [Int], via: Set<Int>? = nil) -> Projection {
        var onto = [Bool](repeating: false, count: nodeCount)
        for v in nodes { onto[v] = true }
        let undirected = UndirectedView(self)
        func allNeighbours(_ v: Int) -> [Int] { undirected.outNeighbors(of: v).map(Int.init).filter { $0 != v } }
        let sorted = Array(Set(nodes)).sorted()
        var edges: [WeightedEdge] = []
        var shared: [[Int]] = []
        var common = [[Int]](repeating: [], count: nodeCount)
        var touched: [Int] = []
        for u in sorted {
            for w in allNeighbours(u) where !onto[w] && (via?.contains(w) ?? true) {
                for x in allNeighbours(w) where onto[x] && x > u {
                    if common[x].isEmpty { touched.append(x) }
                    common[x].append(w)
                }
            }
            for x in touched.sorted() {
                edges.append(WeightedEdge(source: u, target: x, weight: Double(common[x].count)))
                shared.append(common[x].sorted())
                common[x] = []
            }
            touched.removeAll(keepingCapacity: true)
        }
        return Projection(nodes: sorted, edges: edges, shared: shared)
    }
}
