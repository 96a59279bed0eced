import OutpostGraph

extension GraphIndex {
    /// One shortest path from `source` to `target`: breadth-first search on hops, or
    /// Dijkstra's algorithm (1959) on edge weights.
    ///
    /// Its length (or cost) equals NetworkX's `shortest_path_length(G, s, t, weight=…)`; when
    /// several paths are equally short, the one returned is the first found with neighbours
    /// visited in ascending index order (NetworkX's bidirectional search may return another
    /// of them — ``allShortestPaths(from:to:weighted:avoiding:limit:)`` gives them all).
    /// Directed graphs follow edge direction. Parallel edges were merged by the index.
    ///
    /// - Parameters:
    ///   - source: node index where the path starts.
    ///   - target: node index where it ends.
    ///   - weighted: use edge weights as lengths (they must be ≥ 0); otherwise count hops.
    ///   - constraints: nodes the path may not pass through (endpoints are exempt).
    /// - Returns: the path with its cost, or nil when no path joins the two nodes.
    /// - Throws: ``AlgorithmError`` when `weighted` and an edge weight is negative.
    /// - Complexity: O(*V* + *E*) time unweighted, O((*V* + *E*) log *V*) weighted; O(*V*) space.
    public func shortestPath(from source: Int, to target: Int, weighted: Bool = false,
                             avoiding constraints: PathConstraints = .none) throws -> Path? {
        if weighted { try checkWeightsFiniteAndNonNegative(for: "the shortest path") }
        return searchPath(from: source, to: target, weighted: weighted, blocked: constraints.blockedMask(in: self),
                          removedEdges: [])
    }

    /// One shortest path, by the search every path algorithm shares (``ShortestPathSearch``).
    /// `blocked` nodes are never entered (except `target`); `removedEdges` holds `u << 32 | v`
    /// keys of edges `u → v` not to use.
    func searchPath(from source: Int, to target: Int, weighted: Bool, blocked: [Bool], removedEdges: Set<Int64>) -> Path? {
        if source == target { return Path(nodes: [source], cost: 0) }
        var search = ShortestPathSearch(nodeCount: nodeCount)
        search.run(self, from: source, weighted: weighted,
                   limits: SearchLimits(blocked: blocked, removedEdges: removedEdges, target: target))
        guard search.rank[target] >= 0 || (!weighted && search.distance[target] < .infinity) else { return nil }
        let nodes = search.tree(source: source, weighted: weighted).path(to: target)!
        return Path(nodes: nodes, cost: cost(of: nodes, weighted: weighted))
    }
}
