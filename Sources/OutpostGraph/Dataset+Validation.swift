extension Dataset {
    /// Checks the dataset's references and evidence and returns every problem found.
    ///
    /// Checked: duplicate entity and source ids, ids that are not slugs, source addresses that
    /// are not http(s), relations whose ends name no entity, relation types between kinds they
    /// may not join (``RelationType/allowedKinds``), confirmed or denied relations that do not
    /// say by whom, confirmed relations whose `by` names only the accused side
    /// (``Entity/isOnAccusedSide``), `by` entries that name no entity, ends before starts, entities, relations and
    /// totals with no citation, citations of unknown sources and empty excerpts; and, as a
    /// warning, an alias two entities share. (Unknown kinds, types, statuses and dates that do
    /// not parse are reported by the reader, which sees the text; it checks what else it can of
    /// a relation it could not read whole with ``problems(ofUnreadRelation:)``.)
    ///
    /// - Parameter unknownKinds: ids of entities whose kind the reader could not read (and
    ///   reported): relations are not checked against the stand-in kind they were given.
    public func validate(skippingKindChecksFor unknownKinds: Set<String> = []) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func error(_ location: SourceLocation?, _ message: String, hint: String? = nil) {
            problems.append(Diagnostic(.error, at: location, message, hint: hint))
        }

        var firstSource: [String: Source] = [:]
        for source in sources {
            if let earlier = firstSource[source.id] {
                error(source.location, "duplicate source id '\(source.id)'",
                      hint: "first defined at \(earlier.location.map(\.description) ?? "?"); give each source its own id")
            } else {
                firstSource[source.id] = source
            }
            if !Dataset.isSlug(source.id) {
                error(source.location, "source id '\(source.id)' is not a slug",
                      hint: "use lowercase letters, digits and single hyphens")
            }
            if source.url == nil && source.file == nil {
                error(source.location, "source '\(source.id)' has neither url nor file",
                      hint: "add the address it was read at, or the file name of a local copy")
            }
            if let url = source.url, !Dataset.isWebAddress(url) {
                error(source.location, "source '\(source.id)' has url '\(printable(url))', which is not an http or https address",
                      hint: "give the web address it was read at (https://…), or name a local copy with `file:`")
            }
        }

        var firstEntity: [String: Entity] = [:]
        for entity in entities {
            if let earlier = firstEntity[entity.id] {
                error(entity.location, "duplicate entity id '\(entity.id)'",
                      hint: "first defined at \(earlier.location.map(\.description) ?? "?"); merge the two or rename one")
            } else {
                firstEntity[entity.id] = entity
            }
            if !Dataset.isSlug(entity.id) {
                error(entity.location, "entity id '\(entity.id)' is not a slug",
                      hint: "use lowercase letters, digits and single hyphens, e.g. 'station-rotterdam'")
            }
            checkCitations(entity.citations, of: "entity '\(entity.id)'", at: entity.location, into: &problems)
        }
        checkSharedAliases(into: &problems)

        for relation in relations {
            problems += check(UnreadRelation(relation), entities: firstEntity, unknownKinds: unknownKinds)
        }
        for total in totals {
            if let scope = total.scope, firstEntity[scope] == nil {
                error(total.location, "total '\(total.label)' has unknown scope '\(scope)'", hint: "name an entity id")
            }
            checkCitations(total.citations, of: "total '\(total.label)'", at: total.location, into: &problems)
        }
        return problems.sortedByLocation()
    }

    /// A relation as far as the reader could read it: its type or status may be missing
    /// (unknown words, already reported), yet its ends, dates, `by` and citations can still be
    /// checked, so that one run reports every problem.
    public struct UnreadRelation: Sendable {
        public var from: String
        /// The type as written (for messages), and as read if it is in the vocabulary.
        public var typeWord: String
        public var type: RelationType?
        public var to: String
        public var status: EvidenceStatus?
        public var by: [String]
        public var start: PartialDate?
        public var end: PartialDate?
        public var citations: [Citation]
        public var location: SourceLocation?

        public init(from: String, typeWord: String, type: RelationType?, to: String, status: EvidenceStatus?,
                    by: [String] = [], start: PartialDate? = nil, end: PartialDate? = nil,
                    citations: [Citation] = [], location: SourceLocation? = nil) {
            self.from = from
            self.typeWord = typeWord
            self.type = type
            self.to = to
            self.status = status
            self.by = by
            self.start = start
            self.end = end
            self.citations = citations
            self.location = location
        }

        init(_ relation: Relation) {
            self.init(from: relation.from, typeWord: relation.type.rawValue, type: relation.type, to: relation.to,
                      status: relation.status, by: relation.by, start: relation.start, end: relation.end,
                      citations: relation.citations, location: relation.location)
        }
    }

    /// The problems ``validate(skippingKindChecksFor:)`` would find in `relation` if it could
    /// be read whole (its ends, kinds, `by`, dates and citations, against this dataset).
    public func problems(ofUnreadRelation relation: UnreadRelation, skippingKindChecksFor unknownKinds: Set<String> = []) -> [Diagnostic] {
        var firstEntity: [String: Entity] = [:]
        for entity in entities where firstEntity[entity.id] == nil { firstEntity[entity.id] = entity }
        return check(relation, entities: firstEntity, unknownKinds: unknownKinds)
    }

    private func check(_ relation: UnreadRelation, entities firstEntity: [String: Entity],
                       unknownKinds: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func error(_ message: String, hint: String? = nil) {
            problems.append(Diagnostic(.error, at: relation.location, message, hint: hint))
        }
        let what = "relation \(relation.from) \(relation.typeWord) \(relation.to)"
        for end in [relation.from, relation.to] where firstEntity[end] == nil {
            let near = suggestions(for: end, in: entities.map(\.id))
            error("\(what) refers to unknown entity '\(end)'",
                  hint: near.isEmpty ? "define the entity first" : "did you mean \(near.map { "'\($0)'" }.joined(separator: ", "))?")
        }
        if relation.from == relation.to {
            error("\(what) links an entity to itself", hint: "check the from and to ids")
        }
        if let type = relation.type, !unknownKinds.contains(relation.from), !unknownKinds.contains(relation.to),
           let from = firstEntity[relation.from], let to = firstEntity[relation.to] {
            let allowed = type.allowedKinds
            let see = "see \"Which kinds a type joins\" in Graphs/FORMAT.md"
            func names(_ kinds: Set<EntityKind>) -> String {
                let names = EntityKind.allCases.filter(kinds.contains).map(\.rawValue)
                return (names.count == 1 ? "a " : "one of ") + names.joined(separator: ", ")
            }
            let fromFits = allowed.from.contains(from.kind), toFits = allowed.to.contains(to.kind)
            if !fromFits && !toFits && allowed.from.contains(to.kind) && allowed.to.contains(from.kind) {
                error("\(what) runs the wrong way: `\(type.rawValue)` runs from \(names(allowed.from)) to \(names(allowed.to))",
                      hint: "swap from and to; \(see)")
            } else {
                if !fromFits {
                    error("\(what): `\(type.rawValue)` may not run from \(from.kind.rawValue) '\(from.id)'",
                          hint: "its from must be \(names(allowed.from)); correct the type, the direction or the kind; \(see)")
                }
                if !toFits {
                    error("\(what): `\(type.rawValue)` may not run to \(to.kind.rawValue) '\(to.id)'",
                          hint: "its to must be \(names(allowed.to)); correct the type, the direction or the kind; \(see)")
                }
            }
        }
        if let status = relation.status, (status == .confirmed || status == .denied) && relation.by.isEmpty {
            error("\(what) is \(status.rawValue) but does not say by whom",
                  hint: "add `by: [entity-id]` naming who \(status.rawValue) it")
        }
        if relation.status == .confirmed, !relation.by.isEmpty {
            let confirmers = relation.by.compactMap { firstEntity[$0] }
            if confirmers.count == relation.by.count, confirmers.allSatisfy(\.isOnAccusedSide) {
                error("\(what) is confirmed only by the accused side (\(relation.by.joined(separator: ", ")))",
                      hint: "`confirmed` needs a host authority or court in `by`; grade an admission by a Chinese body `reported`, with a note saying whose claim it is (see \"Conventions\" in Graphs/FORMAT.md)")
            }
        }
        for who in relation.by where firstEntity[who] == nil {
            error("\(what): `by` names unknown entity '\(who)'", hint: "define the entity first")
        }
        if let start = relation.start, let end = relation.end, end.latest < start.earliest {
            error("\(what) ends (\(end)) before it starts (\(start))", hint: "swap start and end, or correct the date")
        }
        checkCitations(relation.citations, of: what, at: relation.location, into: &problems)
        return problems
    }

    /// Warns where two entities of one kind share an alias, or one's alias is the other's name:
    /// either the two are one entity, or the alias does not tell them apart. Case and
    /// surrounding space are ignored. Entities of different kinds may share a name (a report
    /// called after the network it documents).
    private func checkSharedAliases(into problems: inout [Diagnostic]) {
        func key(_ text: String) -> String {
            String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()).lowercased()
        }
        struct Key: Hashable { var kind: EntityKind; var text: String }
        var owner: [Key: Entity] = [:]
        for entity in entities { owner[Key(kind: entity.kind, text: key(entity.name))] = owner[Key(kind: entity.kind, text: key(entity.name))] ?? entity }
        var claimed: [Key: Entity] = [:]
        for entity in entities {
            for alias in Set(entity.aliases.map(key)) where !alias.isEmpty {
                let k = Key(kind: entity.kind, text: alias)
                if let other = claimed[k] ?? owner[k], other.id != entity.id {
                    problems.append(Diagnostic(.warning, at: entity.location,
                        "entity '\(entity.id)' has alias '\(printable(alias))', which \(claimed[k] != nil ? "\(entity.kind.rawValue) '\(other.id)' also has" : "is the name of \(entity.kind.rawValue) '\(other.id)'")",
                        hint: "merge the two if they are one, or drop the alias from the one it does not name"))
                } else {
                    claimed[k] = entity
                }
            }
        }
    }

    private func checkCitations(_ citations: [Citation], of what: String, at location: SourceLocation?,
                                into problems: inout [Diagnostic]) {
        if citations.isEmpty {
            problems.append(Diagnostic(.error, at: location, "\(what) has no citation",
                                       hint: "add `cite:` with a source id and a verbatim excerpt"))
        }
        for citation in citations {
            if source(citation.source) == nil {
                let near = suggestions(for: citation.source, in: sources.map(\.id))
                problems.append(Diagnostic(.error, at: citation.location ?? location,
                    "\(what) cites unknown source '\(citation.source)'",
                    hint: near.isEmpty ? "add it to `sources:`" : "did you mean \(near.map { "'\($0)'" }.joined(separator: ", "))?"))
            }
            if citation.excerpt.allSatisfy(\.isWhitespace) {
                problems.append(Diagnostic(.error, at: citation.location ?? location,
                    "\(what) cites '\(citation.source)' with an empty excerpt",
                    hint: "quote the words of the source that state the claim"))
            }
        }
    }

    /// Whether `address` is an absolute http or https URL with a host (not `javascript:`,
    /// `file:`, `data:` or a relative path, which a report would turn into a live link).
    public static func isWebAddress(_ address: String) -> Bool {
        let lowered = address.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return false }
        let rest = address.drop(while: { $0 != ":" }).dropFirst(3)
        let host = rest.prefix(while: { !"/?#".contains($0) })
        return !host.isEmpty && !address.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }
    }

    /// Whether `id` is lowercase letters and digits in hyphen-separated groups.
    public static func isSlug(_ id: String) -> Bool {
        guard !id.isEmpty, !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

extension RelationType {
    /// The kinds of entity each end of a relation of this type may be (Graphs/FORMAT.md,
    /// "Which kinds a type joins"). Drawn from the `from → to` column of the relation table
    /// and from what the bundled dataset records; `validate` reports a relation outside them.
    public var allowedKinds: (from: Set<EntityKind>, to: Set<EntityKind>) {
        let all = Set(EntityKind.allCases)
        let chinesePolice: Set<EntityKind> = [.ministry, .provincialDepartment, .publicSecurityBureau]
        let bodies: Set<EntityKind> = chinesePolice.union([.governmentBody])
        let groups: Set<EntityKind> = [.association, .organisation]
        let actors = all.subtracting([.report, .event, .campaign])
        let units = all.subtracting([.person, .report, .event])
        switch self {
        case .established: return (bodies, [.policeStation])
        case .operatedBy: return ([.policeStation], bodies.union(groups).union([.person]))
        case .hostedAt: return ([.policeStation], groups)
        case .heads: return ([.person], units)
        case .founded: return (actors, groups.union([.policeStation, .campaign]))
        case .memberOf: return ([.person, .association, .organisation], bodies.union(groups))
        case .partOf: return (units, units)
        case .participatesIn: return (actors.union([.event]), [.campaign, .event])
        case .targeted: return (actors.union([.campaign]), groups.union([.person]))
        case .persuadedToReturn: return (actors.union([.campaign]), [.person])
        case .investigated: return ([.governmentBody], all)
        case .orderedClosed, .foundNoCrime: return ([.governmentBody], [.policeStation])
        case .announcedClosed: return (actors, [.policeStation])
        case .denied: return (actors, all)
        case .charged, .convicted: return ([.governmentBody], [.person])
        case .pleadedGuilty: return ([.person], [.governmentBody])
        case .documented: return ([.report, .organisation, .person, .governmentBody], all)
        case .published: return ([.organisation, .person, .governmentBody], [.report])
        case .affiliatedWith: return (all, all)
        }
    }
}

extension Entity {
    /// Whether the entity speaks for the side the allegations are made against: a Chinese
    /// public security bureau, provincial department or ministry, or any entity whose country
    /// is China (ministries, embassies, state media, officials). Their word is an admission or
    /// a denial, never a confirmation.
    public var isOnAccusedSide: Bool {
        [.publicSecurityBureau, .provincialDepartment, .ministry].contains(kind) || country?.lowercased() == "china"
    }
}
