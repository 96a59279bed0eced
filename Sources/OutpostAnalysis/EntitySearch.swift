import OutpostGraph

/// An entity ``Dataset/entityMatches(_:)`` found, and where the text was found in it.
public struct EntityMatch: Hashable, Sendable {
    /// Where the text occurs: the name first, then the id, then an alias.
    public enum Field: Hashable, Sendable {
        case name
        case id
        /// The first alias holding the text.
        case alias(String)

        /// For people: `name`, `id` or `alias: …`.
        public var description: String {
            switch self {
            case .name: return "name"
            case .id: return "id"
            case let .alias(alias): return "alias: \(alias)"
            }
        }
    }

    /// The entity's index in ``Dataset/entities``.
    public var index: Int
    public var entity: Entity
    public var field: Field

    public init(index: Int, entity: Entity, field: Field) {
        self.index = index
        self.entity = entity
        self.field = field
    }
}

extension Dataset {
    /// The entities whose id, name or an alias contains `text` (``findEntities(matching:)``,
    /// ignoring case), each with the field the text was found in.
    /// - Complexity: O(*n*·*a*) for *n* entities of *a* aliases at most.
    public func entityMatches(_ text: String) -> [EntityMatch] {
        let needle = text.lowercased()
        return findEntities(matching: text).map { i in
            let e = entities[i]
            let field: EntityMatch.Field = e.name.lowercased().contains(needle) ? .name
                : e.id.contains(needle) ? .id
                : .alias(e.aliases.first { $0.lowercased().contains(needle) } ?? "")
            return EntityMatch(index: i, entity: e, field: field)
        }
    }
}
