import OutpostGraph

extension LoadedNetwork {
    /// A graph of this input (the loaded graph, or a part of it such as an ego graph) prepared
    /// for GraphML or CSV: each edge of a dataset graph gains its relation's `sources`
    /// (space-separated source ids), and a relation added in both directions (an undirected type
    /// in a directed view) is written once. A plain graph is returned as it is.
    ///
    /// Edges keep their attributes (`relation`, `status`, `layer`); the back-reference to the
    /// relation is internal to the model and is not written.
    public func exportable(_ graph: Graph? = nil) -> Graph {
        let graph = graph ?? self.graph
        guard let dataset else { return graph }
        var out = Graph(directed: graph.isDirected)
        for v in 0..<graph.nodeCount { out.addNode(graph.nodeIDs[v], label: graph.nodeLabels[v], attributes: graph.nodeAttributes[v]) }
        var written = Set<Int>()
        for e in 0..<graph.edgeCount {
            var attributes = graph.attributes(ofEdge: e)
            if let r = graph.relation(ofEdge: e) {
                guard written.insert(r).inserted else { continue }
                attributes["sources"] = dataset.relations[r].citations.sourceIDs.joined(separator: " ")
            }
            out.addEdge(Int(graph.edgeSources[e]), Int(graph.edgeTargets[e]), weight: graph.edgeWeights[e],
                        attributes: attributes.isEmpty ? nil : attributes)
        }
        return out
    }
}
