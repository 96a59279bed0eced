/// The closed vocabularies of the dataset format (see `Graphs/FORMAT.md`).
///
/// Each is checked when a dataset is read: an unknown word is an error that lists the valid
/// ones, so a typo never becomes a new category silently.

/// What an entity is.
public enum EntityKind: String, CaseIterable, Sendable, Codable, Comparable {
    case ministry
    case provincialDepartment = "provincial-department"
    case publicSecurityBureau = "public-security-bureau"
    case policeStation = "police-station"
    case association
    case person
    case governmentBody = "government-body"
    case organisation
    case campaign
    case report
    case event

    /// A short description for `--help` and the legend.
    public var summary: String {
        switch self {
        case .ministry: return "a national ministry (Ministry of Public Security)"
        case .provincialDepartment: return "a provincial public security department"
        case .publicSecurityBureau: return "a city or county public security bureau"
        case .policeStation: return "an overseas police \"service station\" or \"service center\""
        case .association: return "chamber of commerce, hometown association, federation"
        case .person: return "a named individual"
        case .governmentBody: return "a government, ministry, police force, court or parliament"
        case .organisation: return "NGO, media outlet, company, think tank"
        case .campaign: return "a campaign or operation (Sky Net, Fox Hunt)"
        case .report: return "a published report or investigation"
        case .event: return "a dated happening that needs its own node"
        }
    }

    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a relation says. Directed types read "from TYPE to".
public enum RelationType: String, CaseIterable, Sendable, Codable, Comparable {
    case established
    case operatedBy = "operated-by"
    case hostedAt = "hosted-at"
    case heads
    case founded
    case memberOf = "member-of"
    case partOf = "part-of"
    case participatesIn = "participates-in"
    case targeted
    case persuadedToReturn = "persuaded-to-return"
    case investigated
    case orderedClosed = "ordered-closed"
    case announcedClosed = "announced-closed"
    case foundNoCrime = "found-no-crime"
    case denied
    case charged
    /// A person pleaded guilty before a court (a host authority), to a charge it names.
    case pleadedGuilty = "pleaded-guilty"
    /// A court or jury found a person guilty.
    case convicted
    case documented
    case published
    case affiliatedWith = "affiliated-with"

    /// Whether the order of `from` and `to` carries meaning.
    public var isDirected: Bool { self != .affiliatedWith }

    public var summary: String {
        switch self {
        case .established: return "bureau, department or ministry → station it set up"
        case .operatedBy: return "station → who runs it"
        case .hostedAt: return "station → association or organisation whose premises host it"
        case .heads: return "person → what they lead"
        case .founded: return "person or organisation → organisation it founded"
        case .memberOf: return "person or organisation → organisation"
        case .partOf: return "unit → larger unit"
        case .participatesIn: return "entity → campaign"
        case .targeted: return "actor → person or group targeted"
        case .persuadedToReturn: return "actor → person persuaded to return to China"
        case .investigated: return "government body → what it investigated"
        case .orderedClosed: return "government body → station it ordered closed"
        case .announcedClosed: return "whoever said so → station said to be closed"
        case .foundNoCrime: return "government body → station where it found no crime"
        case .denied: return "who denied → the entity the denial concerns"
        case .charged: return "government body → person arrested or charged"
        case .pleadedGuilty: return "person → court before which they pleaded guilty"
        case .convicted: return "court → person it found guilty"
        case .documented: return "report or organisation → what it documented"
        case .published: return "organisation → report"
        case .affiliatedWith: return "an undirected tie the source does not qualify"
        }
    }

    public static func < (lhs: RelationType, rhs: RelationType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What part of the picture a relation belongs to. Analyses count the *network* by default;
/// the other layers say who responded to it, who reported it and who denied it.
///
/// A relation's layer comes from its type (``RelationType/layer``), except that a relation
/// whose status is `denied` belongs to ``denials`` whatever its type: a denied tie is not a tie.
/// See `Graphs/FORMAT.md` for the grouping and why.
public enum RelationLayer: String, CaseIterable, Sendable, Codable, Comparable {
    /// Ties between actors: who set up, runs, hosts, heads, founded, belongs to or targeted whom.
    case network
    /// What host authorities and operators did about the network: investigations, closures,
    /// findings, charges.
    case responses
    /// Who reported what: a report or organisation documenting an entity, an organisation
    /// publishing a report.
    case claims
    /// Denials: relations of type `denied`, and any relation whose status is `denied`.
    case denials

    /// Every layer, for questions that follow evidence wherever it leads (paths).
    public static let all = Set(allCases)

    public var summary: String {
        switch self {
        case .network: return "ties between actors (established, operated-by, hosted-at, heads, …)"
        case .responses: return "what authorities did (investigated, ordered-closed, charged, convicted, …)"
        case .claims: return "who reported what (documented, published)"
        case .denials: return "denials, and relations whose status is denied"
        }
    }

    /// "network", "network + responses", or "all layers", for captions and JSON.
    public static func describe(_ layers: Set<RelationLayer>) -> String {
        if layers == all { return "all layers" }
        if layers.isEmpty { return "no layer" }
        return layers.sorted().map(\.rawValue).joined(separator: " + ")
    }

    public static func < (lhs: RelationLayer, rhs: RelationLayer) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension RelationType {
    /// The layer a relation of this type belongs to when its status is not `denied`.
    public var layer: RelationLayer {
        switch self {
        case .established, .operatedBy, .hostedAt, .heads, .founded, .memberOf, .partOf,
             .participatesIn, .targeted, .persuadedToReturn, .affiliatedWith:
            return .network
        case .investigated, .orderedClosed, .announcedClosed, .foundNoCrime, .charged, .pleadedGuilty, .convicted:
            return .responses
        case .documented, .published:
            return .claims
        case .denied:
            return .denials
        }
    }
}

/// How well a relation is established. Ordered weakest first, so `--min-status reported`
/// keeps reported and confirmed relations.
public enum EvidenceStatus: String, CaseIterable, Sendable, Codable, Comparable {
    /// The party concerned denied it (`by` names who).
    case denied
    /// Sources disagree; each side is its own relation.
    case disputed
    /// Stated by a cited source and not confirmed.
    case reported
    /// Confirmed by a host authority or a court (`by` names who); never by the accused side
    /// alone, which `validate` rejects (``Entity/isOnAccusedSide``).
    case confirmed

    var rank: Int { EvidenceStatus.allCases.firstIndex(of: self)! }

    public static func < (lhs: EvidenceStatus, rhs: EvidenceStatus) -> Bool { lhs.rank < rhs.rank }
}
