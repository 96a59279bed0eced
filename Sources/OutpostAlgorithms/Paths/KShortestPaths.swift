import OutpostGraph

extension GraphIndex {
    /// The `k` shortest simple paths from `source` to `target`, cheapest first (Yen 1971).
    ///
    /// Follows NetworkX's `shortest_simple_paths`: paths have no repeated node, come in order of
    /// cost (hops, or summed weights), and paths of equal cost come in the order they were
    /// discovered. For each path already listed and each node on it (the *spur* node), the
    /// search forbids the nodes before the spur and the edges that listed paths with the same
    /// prefix take out of it, and looks for the shortest remaining way to the target; the
    /// cheapest candidate becomes the next path. Among equal-cost paths the order can differ
    /// from NetworkX's (its searches are bidirectional); the costs, in order, are the same.
    ///
    /// - Parameters:
    ///   - source: node index where the paths start.
    ///   - target: node index where they end.
    ///   - k: the number of paths wanted (fewer are returned when fewer exist).
    ///   - weighted: use edge weights as lengths (≥ 0); otherwise count hops.
    ///   - constraints: nodes the paths may not pass through (endpoints are exempt).
    /// - Returns: up to `k` distinct simple paths in non-decreasing order of cost.
    /// - Throws: ``AlgorithmError`` when `weighted` and an edge weight is negative.
    /// - Complexity: O(*k*·*V*·(*V* + *E*)) time unweighted, O(*k*·*V*·(*E* + *V* log *V*))
    ///   weighted (one search per spur node); O(*k*·*V* + *E*) space.
    ///   Reference: J. Y. Yen, "Finding the k shortest loopless paths in a network",
    ///   Management Science 17(11), 1971.
    public func shortestSimplePaths(from source: Int, to target: Int, k: Int, weighted: Bool = false,
                                    avoiding constraints: PathConstraints = .none) throws -> [Path] {
        if weighted { try checkWeightsFiniteAndNonNegative(for: "k shortest paths") }
        guard k > 0 else { return [] }
        let baseBlocked = constraints.blockedMask(in: self)
        guard let first = searchPath(from: source, to: target, weighted: weighted, blocked: baseBlocked, removedEdges: []) else {
            return []
        }
        var listed = [first]
        var seen: Set<[Int]> = [first.nodes]
        // Candidates ordered by (cost, discovery order), as NetworkX's PathBuffer.
        var candidates: [(cost: Double, order: Int, path: Path)] = []
        var discovered = 0
        var blocked = baseBlocked
        while listed.count < k {
            let previous = listed[listed.count - 1].nodes
            for i in 0..<(previous.count - 1) {
                let spur = previous[i]
                let root = Array(previous[0...i])
                var removed = Set<Int64>()
                for path in listed where path.nodes.count > i + 1 && Array(path.nodes[0...i]) == root {
                    removed.insert(Int64(path.nodes[i]) << 32 | Int64(path.nodes[i + 1]))
                }
                for v in root.dropLast() { blocked[v] = true }
                if let spurPath = searchPath(from: spur, to: target, weighted: weighted, blocked: blocked, removedEdges: removed) {
                    let nodes = root.dropLast() + spurPath.nodes
                    if !seen.contains(Array(nodes)) {
                        seen.insert(Array(nodes))
                        let path = Path(nodes: Array(nodes), cost: cost(of: Array(nodes), weighted: weighted))
                        candidates.append((path.cost, discovered, path))
                        discovered += 1
                    }
                }
                for v in root.dropLast() { blocked[v] = baseBlocked[v] }
            }
            guard let best = candidates.indices.min(by: { a, b in
                candidates[a].cost != candidates[b].cost ? candidates[a].cost < candidates[b].cost
                                                         : candidates[a].order < candidates[b].order
            }) else { break }
            listed.append(candidates.remove(at: best).path)
        }
        return listed
    }
}
