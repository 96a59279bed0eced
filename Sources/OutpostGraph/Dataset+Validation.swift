extension Dataset {
    /// Checks the dataset's references and evidence and returns every problem found.
    ///
    /// Checked: duplicate entity and source ids, ids that are not slugs, relations whose ends
    /// name no entity, confirmed or denied relations that do not say by whom, `by` entries that
    /// name no entity, ends before starts, entities, relations and totals with no citation,
    /// citations of unknown sources and empty excerpts. (Unknown kinds, types, statuses and
    /// dates that do not parse are reported by the reader, which sees the text.)
    public func validate() -> [Diagnostic] {
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

        let entityIDs = entities.map(\.id)
        for relation in relations {
            let what = "relation \(relation.from) \(relation.type.rawValue) \(relation.to)"
            for end in [relation.from, relation.to] where firstEntity[end] == nil {
                let near = suggestions(for: end, in: entityIDs)
                error(relation.location, "\(what) refers to unknown entity '\(end)'",
                      hint: near.isEmpty ? "define the entity first" : "did you mean \(near.map { "'\($0)'" }.joined(separator: ", "))?")
            }
            if relation.from == relation.to {
                error(relation.location, "\(what) links an entity to itself", hint: "check the from and to ids")
            }
            if (relation.status == .confirmed || relation.status == .denied) && relation.by.isEmpty {
                error(relation.location, "\(what) is \(relation.status.rawValue) but does not say by whom",
                      hint: "add `by: [entity-id]` naming who \(relation.status.rawValue) it")
            }
            for who in relation.by where firstEntity[who] == nil {
                error(relation.location, "\(what): `by` names unknown entity '\(who)'", hint: "define the entity first")
            }
            if let start = relation.start, let end = relation.end, end.latest < start.earliest {
                error(relation.location, "\(what) ends (\(end)) before it starts (\(start))",
                      hint: "swap start and end, or correct the date")
            }
            checkCitations(relation.citations, of: what, at: relation.location, into: &problems)
        }
        for total in totals {
            if let scope = total.scope, firstEntity[scope] == nil {
                error(total.location, "total '\(total.label)' has unknown scope '\(scope)'", hint: "name an entity id")
            }
            checkCitations(total.citations, of: "total '\(total.label)'", at: total.location, into: &problems)
        }
        return problems.sorted { ($0.location?.file ?? "", $0.location?.line ?? 0) < ($1.location?.file ?? "", $1.location?.line ?? 0) }
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

    /// Whether `id` is lowercase letters and digits in hyphen-separated groups.
    public static func isSlug(_ id: String) -> Bool {
        guard !id.isEmpty, !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
