extension Graph {
    /// The subgraph induced by `nodes`: those nodes (in the order given, with their labels and
    /// attributes) and every edge between two of them, in edge order, with its weight,
    /// attributes and relation. Parallel edges stay parallel.
    ///
    /// - Complexity: O(*V* + *E*).
    public func induced(by nodes: [Int]) -> Graph {
        var subgraph = Graph(directed: isDirected)
        subgraph.parallelEdges = parallelEdges
        var newIndex = [Int](repeating: -1, count: nodeCount)
        for v in nodes where newIndex[v] < 0 {
            newIndex[v] = subgraph.addNode(nodeIDs[v], label: nodeLabels[v], attributes: nodeAttributes[v])
        }
        for e in 0..<edgeCount {
            let u = newIndex[Int(edgeSources[e])], v = newIndex[Int(edgeTargets[e])]
            guard u >= 0, v >= 0 else { continue }
            let attributes = attributes(ofEdge: e)
            subgraph.addEdge(u, v, weight: edgeWeights[e], attributes: attributes.isEmpty ? nil : attributes,
                             relation: relation(ofEdge: e))
        }
        return subgraph
    }
}
