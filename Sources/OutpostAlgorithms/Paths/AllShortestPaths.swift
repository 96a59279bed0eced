import OutpostGraph

extension GraphIndex {
    /// Every shortest path from `source` to `target`, as NetworkX's `all_shortest_paths`.
    ///
    /// A single-source search (breadth-first on hops, Dijkstra on weights) records for each
    /// node every predecessor on a shortest path; the paths are then read back from `target`.
    /// On weights, two routes tie only when their sums are exactly equal in floating point, as in
    /// NetworkX. Directed graphs follow edge direction.
    ///
    /// - Parameters:
    ///   - source: node index where the paths start.
    ///   - target: node index where they end.
    ///   - weighted: use edge weights as lengths (≥ 0); otherwise count hops.
    ///   - constraints: nodes the paths may not pass through (endpoints are exempt).
    ///   - limit: stop after this many paths (their number can grow exponentially); nil: all.
    /// - Returns: the paths, ordered by their node index sequences; empty when none exists.
    /// - Throws: ``AlgorithmError`` when `weighted` and an edge weight is negative.
    /// - Complexity: O(*V* + *E*) (unweighted) or O((*V* + *E*) log *V*) (weighted) for the
    ///   search, plus O(*L*) for the *P* paths of total length *L* returned.
    public func allShortestPaths(from source: Int, to target: Int, weighted: Bool = false,
                                 avoiding constraints: PathConstraints = .none, limit: Int? = nil) throws -> [Path] {
        if weighted { try checkWeightsFiniteAndNonNegative(for: "all shortest paths") }
        if source == target { return [Path(nodes: [source], cost: 0)] }
        var search = ShortestPathSearch(nodeCount: nodeCount)
        search.run(self, from: source, weighted: weighted,
                   limits: SearchLimits(blocked: constraints.blockedMask(in: self), target: target, allPredecessors: true))
        let predecessors = search.predecessors
        guard search.distance[target] < .infinity else { return [] }
        // Read the paths back from the target, depth first.
        var paths: [Path] = []
        var stack: [Int] = [target]
        func walk() -> Bool {
            let v = stack[stack.count - 1]
            if v == source {
                let nodes = Array(stack.reversed())
                paths.append(Path(nodes: nodes, cost: cost(of: nodes, weighted: weighted)))
                return limit.map { paths.count < $0 } ?? true
            }
            for u in predecessors[v] {
                stack.append(Int(u))
                let more = walk()
                stack.removeLast()
                if !more { return false }
            }
            return true
        }
        _ = walk()
        return paths.sorted { $0.nodes.lexicographicallyPrecedes($1.nodes) }
    }
}
