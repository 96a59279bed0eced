import OutpostGraph

extension DatasetView {
    /// The view as a directed multigraph with every field as a string attribute, for the
    /// formats without typed keys (node-link JSON, CSV): the same fields, names and encodings
    /// as ``DatasetGraphMLWriter`` writes (lists of ids space-separated, aliases, attributes and
    /// citations as JSON), one edge per relation with `id` `r` + its position in the dataset.
    public func exportGraph() -> Graph {
        var graph = Graph(directed: true)
        for entity in entities {
            var attributes = ["kind": entity.kind.rawValue]
            attributes["country"] = entity.country
            attributes["city"] = entity.city
            if !entity.aliases.isEmpty { attributes["aliases"] = DatasetGraphMLWriter.json(entity.aliases) }
            if !entity.attributes.isEmpty { attributes["attributes"] = DatasetGraphMLWriter.json(entity.attributes) }
            if !entity.citations.isEmpty { attributes["citations"] = DatasetGraphMLWriter.json(entity.citations.map(DatasetGraphMLWriter.fields(of:))) }
            graph.addNode(entity.id, label: entity.name, attributes: attributes)
        }
        for r in relationIndices {
            let relation = dataset.relations[r]
            guard let a = graph.index(of: relation.from), let b = graph.index(of: relation.to) else { continue }
            var attributes = ["id": "r\(r)", "relation": relation.type.rawValue, "layer": relation.layer.rawValue,
                              "status": relation.status.rawValue, "directed": relation.isDirected ? "true" : "false",
                              "sources": relation.citations.sourceIDs.joined(separator: " "),
                              "citations": DatasetGraphMLWriter.json(relation.citations.map(DatasetGraphMLWriter.fields(of:))),
                              "citation_count": String(relation.citations.count)]
            attributes["start"] = relation.start?.description
            attributes["end"] = relation.end?.description
            attributes["date"] = relation.date?.description
            if !relation.by.isEmpty { attributes["by"] = relation.by.joined(separator: " ") }
            attributes["note"] = relation.note
            graph.addEdge(a, b, attributes: attributes)
        }
        return graph
    }
}
