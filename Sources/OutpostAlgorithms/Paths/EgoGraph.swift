import OutpostGraph

/// The neighbourhood of a node: every node within a radius of it, and the edges among them.
public struct EgoGraph: Sendable, Codable, Equatable {
    public var center: Int
    public var radius: Double
    /// Node indices ordered by distance from the centre, then by index; the centre first.
    public var nodes: [Int]
    /// The distance of each node in ``nodes`` from the centre (hops, or summed weights).
    public var distances: [Double]
    /// The edges of the graph between two of the nodes (the induced subgraph), each once:
    /// for undirected graphs with `source ≤ target`, for directed graphs in their direction.
    public var edges: [WeightedEdge]
}

extension GraphIndex {
    /// The subgraph induced by the nodes within `radius` of `center`, as NetworkX's `ego_graph`
    /// with `center=True`.
    ///
    /// On a directed graph the distances follow out-edges (NetworkX's default); with
    /// `undirected`, edges count in both directions. Either way, the result holds *every* edge
    /// of the graph between two of its nodes, in its own direction — also edges between two
    /// nodes at the full radius, and edges against the direction of travel.
    ///
    /// - Parameters:
    ///   - center: the node index at the centre.
    ///   - radius: include nodes at distance ≤ radius (hops, or summed weights).
    ///   - weighted: measure distance by edge weights (≥ 0), as NetworkX's `distance=` argument.
    ///   - undirected: ignore edge direction when measuring distance (directed graphs only).
    /// - Returns: the nodes with their distances and the induced edges.
    /// - Throws: ``AlgorithmError`` when `weighted` and an edge weight is negative.
    /// - Complexity: O(*V*ₑ + *E*ₑ) unweighted, O((*V*ₑ + *E*ₑ) log *V*ₑ) weighted, where *V*ₑ
    ///   and *E*ₑ count the nodes reached and the edges leaving them; O(*V*) space.
    public func egoGraph(center: Int, radius: Double = 1, weighted: Bool = false, undirected: Bool = false) throws -> EgoGraph {
        if weighted { try checkWeightsFiniteAndNonNegative(for: "the ego graph") }
        var search = ShortestPathSearch(nodeCount: nodeCount)
        if radius >= 0 {
            let limits = SearchLimits(radius: radius)
            if isDirected && undirected {
                search.run(UndirectedView(self), from: center, weighted: weighted, limits: limits)
            } else {
                search.run(self, from: center, weighted: weighted, limits: limits)
            }
        }
        let distance = search.distance
        var reached = search.settled.map(Int.init)
        reached.sort { distance[$0] != distance[$1] ? distance[$0] < distance[$1] : $0 < $1 }
        var inside = [Bool](repeating: false, count: nodeCount)
        for v in reached { inside[v] = true }
        var edges: [WeightedEdge] = []
        for u in reached.sorted() {
            for slot in offsets[u]..<offsets[u + 1] {
                let v = Int(targets[slot])
                guard inside[v], isDirected || u <= v else { continue }
                edges.append(WeightedEdge(source: u, target: v, weight: weights[slot]))
            }
        }
        return EgoGraph(center: center, radius: radius, nodes: reached, distances: reached.map { distance[$0] }, edges: edges)
    }
}
