import OutpostGraph

/// One entity with the relations a view keeps at either of its ends and the evidence behind
/// each, as `outpost show` lists them.
public struct EntityProfile: Hashable, Sendable {
    /// The entity, as the dataset records it (kept even when the filter leaves it out).
    public var entity: Entity
    /// The entity's own citations, with their sources' publishers and dates.
    public var citations: [EvidenceCitation]
    /// The relations touching the entity that the view keeps, in dataset order.
    public var relations: [ProfileRelation]

    public init(entity: Entity, citations: [EvidenceCitation], relations: [ProfileRelation]) {
        self.entity = entity
        self.citations = citations
        self.relations = relations
    }
}

/// A relation of an ``EntityProfile``: the entity at its other end, and the relation seen
/// from the profiled entity (its direction, status, layer, period and citations).
public struct ProfileRelation: Hashable, Sendable {
    /// The id of the entity at the other end (the profiled entity itself for a self-relation).
    public var other: String
    /// That entity's name, or its id when the dataset does not list it.
    public var otherName: String
    /// The relation; ``HopLink/direction`` is read leaving the profiled entity.
    public var link: HopLink

    public init(other: String, otherName: String, link: HopLink) {
        self.other = other
        self.otherName = otherName
        self.link = link
    }
}

extension DatasetView {
    /// The profile of the entity `query` names (id, exact name or alias, ignoring case; as
    /// ``Dataset/resolveEntity(_:)`` finds it), with the relations this view keeps.
    /// - Throws: ``EntityLookupError`` listing candidates when `query` names no entity or several.
    /// - Complexity: O(*R*) for the view's *R* relations.
    public func profile(of query: String) throws -> EntityProfile {
        let entity = dataset.entities[try dataset.resolveEntity(query)]
        let relations = relationIndices.compactMap { r -> ProfileRelation? in
            let relation = dataset.relations[r]
            guard relation.from == entity.id || relation.to == entity.id else { return nil }
            let other = relation.from == entity.id ? relation.to : relation.from
            return ProfileRelation(other: other, otherName: dataset.entity(other)?.name ?? other,
                                   link: HopLink(relation: r, in: dataset, leaving: entity.id))
        }
        return EntityProfile(entity: entity, citations: entity.citations.map { EvidenceCitation($0, in: dataset) },
                             relations: relations)
    }
}
