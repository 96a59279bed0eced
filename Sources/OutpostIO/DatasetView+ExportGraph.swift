import OutpostGraph

extension DatasetView {
    /// The view as a directed multigraph with every field as a string attribute, for the
    /// formats without typed keys (node-link JSON, CSV): ``DatasetFields``' node and edge
    /// fields under their names (the name as the node label), one edge per relation with `id`
    /// `r` + its position in the dataset.
    public func exportGraph() -> Graph {
        var graph = Graph(directed: true)
        for entity in entities {
            var attributes = DatasetFields.values(of: entity)
            let label = attributes.removeValue(forKey: "label")
            graph.addNode(entity.id, label: label, attributes: attributes)
        }
        for r in relationIndices {
            let relation = dataset.relations[r]
            guard let a = graph.index(of: relation.from), let b = graph.index(of: relation.to) else { continue }
            var attributes = DatasetFields.values(of: relation)
            attributes["id"] = DatasetFields.edgeID(r)
            graph.addEdge(a, b, attributes: attributes)
        }
        return graph
    }
}

extension DatasetView {
    /// The dataset's own fields as an export writes them on the graph (``DatasetFields``):
    /// `name`, `title`, `description`, `filter`, `sources` and `totals` (JSON).
    public var exportGraphAttributes: [String: String] { DatasetFields.values(of: self) }
}
