/// Which entities and relations of a dataset to keep: the filters every command shares.
///
/// A filter never copies the model: ``DatasetView`` holds the indices of what passes.
///
/// The default keeps the ``RelationLayer/network`` layer only, so that an analysis counts ties
/// between actors and never a report, a response or a denial as a tie; pass
/// `layers: RelationLayer.all` (or use ``everything``) to keep every relation.
public struct DatasetFilter: Sendable, Hashable {
    /// The layers analyses count unless told otherwise.
    public static let analysisLayers: Set<RelationLayer> = [.network]
    /// No restriction at all: every layer, kind, status, country and date.
    public static let everything = DatasetFilter(layers: RelationLayer.all)

    /// Keep only relations in these layers (``Relation/layer``).
    public var layers: Set<RelationLayer>
    /// Keep only entities of these kinds (nil: all).
    public var kinds: Set<EntityKind>?
    /// Keep only relations of these types (nil: all).
    public var relationTypes: Set<RelationType>?
    /// Keep relations at least this well established (`denied < disputed < reported < confirmed`).
    public var minimumStatus: EvidenceStatus?
    /// Keep entities located in these countries and the entities directly related to them
    /// (so a station's bureau stays beside it). Case-insensitive; nil: all.
    public var countries: Set<String>?
    /// Keep relations that hold on this date (see ``Relation/holds(asOf:)``).
    public var asOf: PartialDate?
    /// Drop entities left with no relation after filtering.
    public var dropIsolated: Bool

    /// - Parameter layers: the layers to keep; nil keeps ``analysisLayers``, or every layer when
    ///   `relationTypes` is given (a list of types already says which relations count).
    public init(layers: Set<RelationLayer>? = nil, kinds: Set<EntityKind>? = nil, relationTypes: Set<RelationType>? = nil,
                minimumStatus: EvidenceStatus? = nil, countries: Set<String>? = nil,
                asOf: PartialDate? = nil, dropIsolated: Bool = false) {
        self.layers = layers ?? (relationTypes == nil ? DatasetFilter.analysisLayers : RelationLayer.all)
        self.kinds = kinds
        self.relationTypes = relationTypes
        self.minimumStatus = minimumStatus
        self.countries = countries
        self.asOf = asOf
        self.dropIsolated = dropIsolated
    }

    /// Whether the filter keeps everything (every layer, no other restriction).
    public var isEmpty: Bool {
        layers == RelationLayer.all && kinds == nil && relationTypes == nil && minimumStatus == nil && countries == nil && asOf == nil && !dropIsolated
    }

    /// A one-line account of the filter for captions and reports
    /// ("layer: network; confirmed only; as of 2022-06"). It always names the layers.
    public var summary: String {
        var parts: [String] = []
        parts.append(layers == RelationLayer.all || layers.isEmpty ? RelationLayer.describe(layers)
                     : (layers.count == 1 ? "layer: " : "layers: ") + RelationLayer.describe(layers))
        if let kinds { parts.append("kinds: " + kinds.sorted().map(\.rawValue).joined(separator: ", ")) }
        if let relationTypes { parts.append("relations: " + relationTypes.sorted().map(\.rawValue).joined(separator: ", ")) }
        if let minimumStatus { parts.append(minimumStatus == .confirmed ? "confirmed only" : "status ≥ \(minimumStatus.rawValue)") }
        if let countries { parts.append("countries: " + countries.sorted().joined(separator: ", ")) }
        if let asOf { parts.append("as of \(asOf)") }
        return parts.joined(separator: "; ")
    }
}

/// The entities and relations of a dataset that pass a filter, by index into the dataset.
public struct DatasetView: Sendable {
    public let dataset: Dataset
    public let filter: DatasetFilter
    /// Indices into `dataset.entities`, in dataset order.
    public let entityIndices: [Int]
    /// Indices into `dataset.relations`, in dataset order.
    public let relationIndices: [Int]

    public init(_ dataset: Dataset, filter: DatasetFilter = DatasetFilter()) {
        self.dataset = dataset
        self.filter = filter
        let entities = dataset.entities
        var keep = entities.map { filter.kinds?.contains($0.kind) ?? true }
        if let countries = filter.countries {
            let wanted = Set(countries.map { $0.lowercased() })
            let local = entities.map { $0.country.map { wanted.contains($0.lowercased()) } ?? false }
            var near = local
            for relation in dataset.relations {
                guard let a = dataset.entityIndex(of: relation.from), let b = dataset.entityIndex(of: relation.to) else { continue }
                if local[a] { near[b] = true }
                if local[b] { near[a] = true }
            }
            for i in keep.indices { keep[i] = keep[i] && near[i] }
        }
        var relationKeep: [Int] = []
        var touched = [Bool](repeating: false, count: entities.count)
        for (r, relation) in dataset.relations.enumerated() {
            guard let a = dataset.entityIndex(of: relation.from), let b = dataset.entityIndex(of: relation.to),
                  keep[a], keep[b] else { continue }
            if !filter.layers.contains(relation.layer) { continue }
            if let types = filter.relationTypes, !types.contains(relation.type) { continue }
            if let minimum = filter.minimumStatus, relation.status < minimum { continue }
            if let day = filter.asOf, !relation.holds(asOf: day) { continue }
            relationKeep.append(r)
            touched[a] = true
            touched[b] = true
        }
        if filter.dropIsolated {
            for i in keep.indices where !touched[i] { keep[i] = false }
        }
        entityIndices = keep.indices.filter { keep[$0] }
        relationIndices = relationKeep
    }

    public var entities: [Entity] { entityIndices.map { dataset.entities[$0] } }
    public var relations: [Relation] { relationIndices.map { dataset.relations[$0] } }

    /// The view as a plain graph: one node per entity (label = name; attributes kind,
    /// country, city), one edge per relation (weight 1; attributes relation, status and
    /// layer), each edge pointing back to its relation (``Graph/relation(ofEdge:)``). Parallel
    /// relations sum when an index is built (``Graph/parallelEdges`` is `.sum`).
    ///
    /// - Parameter directed: keep relation direction. Undirected relation types are added in
    ///   both directions when `directed` is true.
    public func graph(directed: Bool = false) -> Graph {
        var graph = Graph(directed: directed)
        graph.parallelEdges = .sum
        for i in entityIndices {
            let e = dataset.entities[i]
            var attributes = ["kind": e.kind.rawValue]
            if let country = e.country { attributes["country"] = country }
            if let city = e.city { attributes["city"] = city }
            graph.addNode(e.id, label: e.name, attributes: attributes)
        }
        for r in relationIndices {
            let relation = dataset.relations[r]
            guard let a = graph.index(of: relation.from), let b = graph.index(of: relation.to) else { continue }
            let attributes = ["relation": relation.type.rawValue, "status": relation.status.rawValue,
                              "layer": relation.layer.rawValue]
            graph.addEdge(a, b, weight: 1, attributes: attributes, relation: r)
            if directed && !relation.isDirected { graph.addEdge(b, a, weight: 1, attributes: attributes, relation: r) }
        }
        return graph
    }
}

extension DatasetFilter {
    /// The countries this filter names that no entity of `dataset` is in (compared as the
    /// filter compares them, ignoring case), each with the dataset's nearest country names:
    /// a misspelt or absent country would otherwise filter everything away without a word.
    public func unknownCountries(in dataset: Dataset) -> [(country: String, suggestions: [String])] {
        guard let countries else { return [] }
        let known = Set(dataset.entities.compactMap(\.country))
        let knownLowercased = Set(known.map { $0.lowercased() })
        return countries.sorted().filter { !knownLowercased.contains($0.lowercased()) }
            .map { ($0, suggestions(for: $0, in: known.sorted())) }
    }
}
