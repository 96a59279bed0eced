import OutpostGraph

/// A node a query named: its id, and its index in the loaded graph when the filters keep it.
public struct NodeMatch: Hashable, Sendable {
    /// The entity or node id.
    public var id: String
    /// The node's index in ``LoadedNetwork/graph``, or nil when the entity exists in the dataset
    /// but the filter leaves it out.
    public var index: Int?

    public init(id: String, index: Int?) {
        self.id = id
        self.index = index
    }
}

extension LoadedNetwork {
    /// Finds a node from what a person typed, with the same rules for every kind of input:
    /// the exact id first; then, ignoring case, an id, or a name or alias (a dataset's entity)
    /// or label (a plain graph's node) that names exactly one node.
    ///
    /// - Returns: the node; its ``NodeMatch/index`` is nil when a dataset's entity exists but
    ///   the filter leaves it out.
    /// - Throws: ``EntityLookupError`` (dataset) or ``NodeLookupError`` (plain graph) listing
    ///   the candidates when the query names no node or several.
    public func node(_ query: String) throws -> NodeMatch {
        if let dataset {
            let entity = dataset.entities[try dataset.resolveEntity(query)]
            return NodeMatch(id: entity.id, index: graph.index(of: entity.id))
        }
        if let index = graph.index(of: query) { return NodeMatch(id: query, index: index) }
        let needle = query.lowercased()
        let ids = graph.nodeIDs
        let byID = ids.indices.filter { ids[$0].lowercased() == needle }
        let matches = byID.isEmpty ? ids.indices.filter { graph.nodeLabels[$0]?.lowercased() == needle } : byID
        if matches.count == 1 { return NodeMatch(id: ids[matches[0]], index: matches[0]) }
        if matches.count > 1 {
            throw NodeLookupError.ambiguous(query, byLabel: byID.isEmpty, candidates: matches.prefix(10).map { ids[$0] }, count: matches.count)
        }
        let near = ids.indices.filter { ids[$0].lowercased().contains(needle) || graph.nodeLabels[$0]?.lowercased().contains(needle) == true }
        throw NodeLookupError.unknown(query, in: name, candidates: near.prefix(10).map { ids[$0] })
    }
}

/// A query that does not name exactly one node of a plain graph.
public enum NodeLookupError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No id or label is the query; `candidates` are ids whose id or label contains it.
    case unknown(String, in: String, candidates: [String])
    /// Several nodes answer to the query, ignoring case (`byLabel`: their labels, else their ids).
    case ambiguous(String, byLabel: Bool, candidates: [String], count: Int)

    public var description: String {
        switch self {
        case let .unknown(query, graph, candidates):
            if candidates.isEmpty { return "no node has the id '\(query)' in \(graph)" }
            return "no node has the id '\(query)'. Did you mean one of these?\n" + candidates.map { "  \($0)" }.joined(separator: "\n")
        case let .ambiguous(query, byLabel, candidates, count):
            return "'\(query)' is the \(byLabel ? "label" : "id, ignoring case,") of \(count) nodes; give one of their ids: "
                + candidates.joined(separator: ", ")
        }
    }
}

/// A question the analyses cannot answer as asked.
public enum AnalysisError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A dataset's links have one weight, `relations`.
    case unknownDatasetWeight(String)
    /// A path cost by a numeric edge attribute, asked of a dataset (whose relations carry none).
    case numericCostOnDataset(String)
    /// Paths costed by evidence status, asked of a plain graph (which has no evidence).
    case statusCostOnPlainGraph
    /// A path asked to avoid its own start or end (the node as the query named it).
    case avoidsEndpoint(String)
    /// An unnormalized variant asked of a measure that has none (the measure's name).
    case noRawVariant(String)
    /// A PageRank damping outside (0, 1).
    case alphaOutOfRange(Double)
    /// An error bound (epsilon) given for a measure other than betweenness (the measure's name).
    case noApproximation(String)
    /// Approximate betweenness asked for unnormalized scores (its guarantee is on the normalized ones).
    case rawApproximation
    /// A node the dataset has but the filter leaves out (as the query named it).
    case notInFilteredGraph(String)
    /// A dataset selected by attribute, or a plain graph by kind (`dataset`: whether it was a dataset).
    case projectionSelectionMismatch(dataset: Bool)
    /// A projection whose selection picks no node (the selection's summary).
    case nothingToProject(String)

    public var description: String {
        switch self {
        case let .unknownDatasetWeight(name):
            return "a dataset has one edge weight, `relations` (the number of relations joining a pair); '\(name)' is not one"
        case let .numericCostOnDataset(name):
            return "a dataset's relations carry no numbers, so there is no '\(name)' to cost paths by; cost them by evidence status (confirmed 1, reported 2, disputed 3, denied 4)"
        case .statusCostOnPlainGraph:
            return "a plain graph has no evidence statuses to cost paths by; cost them by an edge attribute"
        case let .avoidsEndpoint(id):
            return "the path cannot avoid its own start or end ('\(id)')"
        case let .noRawVariant(measure):
            return "\(measure) has no unnormalised variant"
        case .alphaOutOfRange:
            return "PageRank's damping (alpha) must be between 0 and 1"
        case let .noApproximation(measure):
            return "only betweenness can be estimated from samples with an error bound (epsilon); \(measure) is computed exactly"
        case .rawApproximation:
            return "approximate betweenness bounds the error of the normalized scores only; ask for normalized scores, or for exact ones"
        case let .notInFilteredGraph(name):
            return "'\(name)' is not in the filtered graph; loosen the filters"
        case let .projectionSelectionMismatch(dataset):
            return dataset ? "a dataset is projected by entity kind, not by node attribute"
                : "a plain graph has no entity kinds; project it by a node attribute"
        case let .nothingToProject(summary):
            return "nothing to project: no node is selected (\(summary))"
        }
    }
}
