import OutpostGraph

extension GraphIndex {
    /// Degree centrality, as NetworkX's `degree_centrality`: the degree of each node divided by
    /// n − 1. For directed graphs the degree is in + out, so scores can exceed 1; a self-loop
    /// counts twice in an undirected graph. A graph of one node scores 1.
    /// - Complexity: O(*V*) (O(*V* + self-loops)).
    public func degreeCentrality() -> CentralityScores {
        normalisedDegree("degree") { degree(of: $0) }
    }

    /// In-degree centrality (NetworkX's `in_degree_centrality`): in-degree / (n − 1).
    /// - Throws: ``AlgorithmError/requiresDirectedGraph(measure:)`` on an undirected graph, as
    ///   NetworkX refuses one.
    /// - Complexity: O(*V*).
    public func inDegreeCentrality() throws -> CentralityScores {
        guard isDirected else { throw AlgorithmError.requiresDirectedGraph(measure: "in-degree centrality") }
        return normalisedDegree("in-degree") { inDegree(of: $0) }
    }

    /// Out-degree centrality (NetworkX's `out_degree_centrality`): out-degree / (n − 1).
    /// - Throws: ``AlgorithmError/requiresDirectedGraph(measure:)`` on an undirected graph.
    /// - Complexity: O(*V*).
    public func outDegreeCentrality() throws -> CentralityScores {
        guard isDirected else { throw AlgorithmError.requiresDirectedGraph(measure: "out-degree centrality") }
        return normalisedDegree("out-degree") { outDegree(of: $0) }
    }

    private func normalisedDegree(_ name: String, _ degree: (Int) -> Int) -> CentralityScores {
        guard nodeCount > 1 else { return CentralityScores(measure: name, scores: Array(repeating: 1, count: nodeCount), ids: ids) }
        let s = 1.0 / Double(nodeCount - 1)
        return CentralityScores(measure: name, scores: (0..<nodeCount).map { Double(degree($0)) * s }, ids: ids)
    }
}
