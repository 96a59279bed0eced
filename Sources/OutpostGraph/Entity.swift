/// A node of the dataset: a bureau, a station, an association, a person…
public struct Entity: Hashable, Sendable, Codable, Identifiable {
    /// A readable slug, stable across versions of the dataset (`fuzhou-psb`).
    public var id: String
    public var kind: EntityKind
    /// The name as the sources spell it.
    public var name: String
    /// Other spellings, Chinese names included.
    public var aliases: [String]
    public var country: String?
    public var city: String?
    /// Free string attributes.
    public var attributes: [String: String]
    public var citations: [Citation]
    public var location: SourceLocation?

    /// Whether the entity stands for several unnamed members (`attributes.group`), such as
    /// "stations reported in Argentina"; counts of stations leave groups out.
    public var isGroup: Bool { attributes["group"] != nil }

    public init(id: String, kind: EntityKind, name: String, aliases: [String] = [],
                country: String? = nil, city: String? = nil, attributes: [String: String] = [:],
                citations: [Citation] = [], location: SourceLocation? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.country = country
        self.city = city
        self.attributes = attributes
        self.citations = citations
        self.location = location
    }
}

/// An edge of the dataset: a typed, dated, graded and cited statement about two entities.
public struct Relation: Hashable, Sendable, Codable {
    public var from: String
    public var type: RelationType
    public var to: String
    public var status: EvidenceStatus
    /// Who confirmed or denied it (entity ids).
    public var by: [String]
    public var start: PartialDate?
    public var end: PartialDate?
    /// The date of a one-off act.
    public var date: PartialDate?
    public var note: String?
    public var citations: [Citation]
    public var location: SourceLocation?

    public init(from: String, type: RelationType, to: String, status: EvidenceStatus = .reported,
                by: [String] = [], start: PartialDate? = nil, end: PartialDate? = nil,
                date: PartialDate? = nil, note: String? = nil, citations: [Citation] = [],
                location: SourceLocation? = nil) {
        self.from = from
        self.type = type
        self.to = to
        self.status = status
        self.by = by
        self.start = start
        self.end = end
        self.date = date
        self.note = note
        self.citations = citations
        self.location = location
    }

    public var isDirected: Bool { type.isDirected }

    /// The layer the relation belongs to: its type's, or ``RelationLayer/denials`` when its
    /// status is `denied`.
    public var layer: RelationLayer { status == .denied ? .denials : type.layer }

    /// Whether the relation holds on `day`: it has begun (start or date not after the day) and
    /// not ended (end not before it). A relation with no dates always holds.
    public func holds(asOf day: PartialDate) -> Bool {
        if let begin = start ?? date, begin.earliest > day.latest { return false }
        if let end, end.latest < day.earliest { return false }
        return true
    }
}

/// A figure published by a source (for example, the number of stations a report counted),
/// kept so that coverage can be measured against it.
public struct PublishedTotal: Hashable, Sendable, Codable {
    public var label: String
    public var measure: String
    public var value: Int
    public var countries: Int?
    /// The entity the figure is about (a bureau whose stations were counted); nil for all.
    public var scope: String?
    /// The country whose stations were counted; nil for all.
    public var country: String?
    public var date: PartialDate?
    public var citations: [Citation]
    public var location: SourceLocation?

    public init(label: String, measure: String, value: Int, countries: Int? = nil, scope: String? = nil, country: String? = nil,
                date: PartialDate? = nil, citations: [Citation] = [], location: SourceLocation? = nil) {
        self.label = label
        self.scope = scope
        self.country = country
        self.measure = measure
        self.value = value
        self.countries = countries
        self.date = date
        self.citations = citations
        self.location = location
    }
}
