/// An evidence-carrying network: sources, entities, relations and published totals.
///
/// Read one with `DatasetReader` (module OutpostIO). Entities and sources are looked up by id
/// in O(1); ``resolveEntity(_:)`` also accepts a name or alias.
public struct Dataset: Sendable {
    /// The folder name, used in captions.
    public var name: String
    public var title: String?
    public var description: String?
    public let sources: [Source]
    public let entities: [Entity]
    public let relations: [Relation]
    public let totals: [PublishedTotal]
    private let entityIndexByID: [String: Int]
    private let sourceIndexByID: [String: Int]

    public init(name: String, title: String? = nil, description: String? = nil, sources: [Source],
                entities: [Entity], relations: [Relation], totals: [PublishedTotal] = []) {
        self.name = name
        self.title = title
        self.description = description
        self.sources = sources
        self.entities = entities
        self.relations = relations
        self.totals = totals
        var e: [String: Int] = [:]
        for (i, entity) in entities.enumerated() where e[entity.id] == nil { e[entity.id] = i }
        var s: [String: Int] = [:]
        for (i, source) in sources.enumerated() where s[source.id] == nil { s[source.id] = i }
        entityIndexByID = e
        sourceIndexByID = s
    }

    public func entityIndex(of id: String) -> Int? { entityIndexByID[id] }
    public func entity(_ id: String) -> Entity? { entityIndexByID[id].map { entities[$0] } }
    public func source(_ id: String) -> Source? { sourceIndexByID[id].map { sources[$0] } }

    /// The newest date among the cited sources, for captions ("sources up to 2023-04").
    public var newestSourceDate: PartialDate? { sources.compactMap(\.date).max() }

    /// Finds an entity by id, exact name or alias (case-insensitive).
    ///
    /// - Throws: ``EntityLookupError`` when nothing matches (with near candidates) or when a
    ///   name matches several entities (with all of them).
    public func resolveEntity(_ query: String) throws -> Int {
        if let index = entityIndexByID[query] { return index }
        let needle = query.lowercased()
        if let index = entityIndexByID[needle] { return index }
        let matches = entities.indices.filter { i in
            entities[i].name.lowercased() == needle || entities[i].aliases.contains { $0.lowercased() == needle }
        }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            throw EntityLookupError.ambiguous(query, candidates: matches.map { entities[$0] })
        }
        let partial = entities.filter { entity in
            entity.id.contains(needle) || entity.name.lowercased().contains(needle)
                || entity.aliases.contains { $0.lowercased().contains(needle) }
        }
        let near = partial.isEmpty
            ? suggestions(for: query, in: entities.map(\.id), limit: 5).compactMap { entity($0) }
            : Array(partial.prefix(10))
        throw EntityLookupError.unknown(query, candidates: near)
    }

    /// Entities whose id, name or an alias contains `text` (case-insensitive), in dataset order.
    public func findEntities(matching text: String) -> [Int] {
        let needle = text.lowercased()
        return entities.indices.filter { i in
            let e = entities[i]
            return e.id.contains(needle) || e.name.lowercased().contains(needle)
                || e.aliases.contains { $0.lowercased().contains(needle) }
        }
    }
}

/// An entity argument that does not name exactly one entity.
public enum EntityLookupError: Error, CustomStringConvertible, Sendable {
    case unknown(String, candidates: [Entity])
    case ambiguous(String, candidates: [Entity])

    public var description: String {
        func list(_ entities: [Entity]) -> String {
            entities.map { "  \($0.id)  \($0.name) (\($0.kind.rawValue))" }.joined(separator: "\n")
        }
        switch self {
        case let .unknown(query, candidates):
            if candidates.isEmpty {
                return "no entity has the id, name or alias '\(query)'; search for part of its name or id to list candidates"
            }
            return "no entity has the id, name or alias '\(query)'. Did you mean one of these?\n" + list(candidates)
        case let .ambiguous(query, candidates):
            return "'\(query)' names \(candidates.count) entities; give one of these ids instead:\n" + list(candidates)
        }
    }
}
