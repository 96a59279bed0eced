import Outpost

/// What `outpost stats` prints, as tables, so other commands (`outpost report`) show the same
/// numbers: the graph summary and, for a dataset, counts by kind, relation type and status,
/// stations by country and by jurisdiction, and coverage against the published totals.
enum DatasetSummary {
    /// The preamble line (dataset title and filter) and every table, in `outpost stats` order.
    static func tables(_ loaded: LoadedGraph) -> (preamble: [String], tables: [Table]) {
        let index = GraphIndex(loaded.graph, merge: .sum)
        let components = index.connectedComponents()
        var summary = Table(key: "summary", title: "Summary", columns: ["measure", "value"])
        summary.rows = [
            [.text("nodes"), .int(index.nodeCount)],
            [.text("edges"), .int(loaded.graph.edgeCount)],
            [.text("linked pairs"), .int(index.edgeCount)],
            [.text("directed"), .text(index.isDirected ? "yes" : "no")],
            [.text(index.isDirected ? "weakly connected components" : "connected components"), .int(components.count)],
            [.text("largest component"), .int(components.first?.count ?? 0)],
            [.text("isolated nodes"), .int(components.filter { $0.count == 1 && index.degree(of: $0[0]) == 0 }.count)],
            [.text("density"), .number(index.density)],
        ]
        var tables = [summary]
        var preamble: [String] = []
        if let view = loaded.view {
            let dataset = view.dataset
            let title = dataset.title ?? dataset.name
            preamble.append(title + (view.filter.isEmpty ? "" : " — filter: \(view.filter.summary)"))
            summary.rows.insert([.text("sources"), .int(dataset.sources.count)], at: 0)
            tables[0] = summary
            tables += datasetTables(view)
        }
        return (preamble, tables)
    }

    static func counted<T: Comparable & Hashable>(_ values: [T], key: String, title: String, column: String,
                                label: (T) -> String) -> Table {
        var counts: [T: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        let rows = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return Table(key: key, title: title, columns: [column, "count"],
                     rows: rows.map { [.text(label($0.key)), .int($0.value)] })
    }

    static func datasetTables(_ view: DatasetView) -> [Table] {
        let dataset = view.dataset
        let entities = view.entities, relations = view.relations
        var tables: [Table] = []
        tables.append(counted(entities.map(\.kind), key: "kinds", title: "Entities by kind", column: "kind") { $0.rawValue })
        tables.append(counted(relations.map(\.type), key: "relations", title: "Relations by type", column: "relation") { $0.rawValue })
        tables.append(counted(relations.map(\.status), key: "statuses", title: "Relations by status", column: "status") { $0.rawValue })

        let stationEntities = entities.filter { $0.kind == .policeStation }
        guard !stationEntities.isEmpty else { return tables }
        let stations = stationEntities.filter { !$0.isGroup }
        let groups = stationEntities.filter(\.isGroup)
        var byCountry: [String: (single: Int, groups: Int)] = [:]
        for s in stations { byCountry[s.country ?? "(country not stated)", default: (0, 0)].single += 1 }
        for g in groups where g.attributes["group"] != "network" { byCountry[g.country ?? "(country not stated)", default: (0, 0)].groups += 1 }
        let countryRows = byCountry.sorted { a, b in
            (a.value.single, a.value.groups) != (b.value.single, b.value.groups)
                ? (a.value.single, a.value.groups) > (b.value.single, b.value.groups) : a.key < b.key
        }
        tables.append(Table(key: "stations-by-country",
                            title: "Stations by country (single stations; groups stand for several unnamed stations a source counts)",
                            columns: ["country", "stations", "groups"],
                            rows: countryRows.map { [.text($0.key), .int($0.value.single), .int($0.value.groups)] }))
        let stationIDs = Set(stations.map(\.id))
        var founders: [String: [(String, EvidenceStatus)]] = [:]
        for r in relations where r.type == .established && stationIDs.contains(r.to) {
            founders[r.to, default: []].append((r.from, r.status))
        }
        var jurisdiction: [String: (stations: Set<String>, disputed: Set<String>)] = [:]
        for station in stations {
            let claims = founders[station.id] ?? []
            if claims.isEmpty { jurisdiction["(not stated)", default: ([], [])].stations.insert(station.id) }
            for (who, status) in claims {
                let name = dataset.entity(who)?.name ?? who
                jurisdiction[name, default: ([], [])].stations.insert(station.id)
                if status == .disputed { jurisdiction[name, default: ([], [])].disputed.insert(station.id) }
            }
        }
        let jurisdictionRows = jurisdiction.sorted { a, b in
            a.value.stations.count != b.value.stations.count ? a.value.stations.count > b.value.stations.count : a.key < b.key
        }
        tables.append(Table(key: "stations-by-jurisdiction", title: "Single stations by jurisdiction (who set them up, per source)",
                            columns: ["jurisdiction", "stations", "of_which_disputed"],
                            rows: jurisdictionRows.map { [.text($0.key), .int($0.value.stations.count), .int($0.value.disputed.count)] }))

        if !dataset.totals.isEmpty {
            var coverage = Table(key: "coverage", title: "Coverage: published totals against the single stations in the dataset",
                                 columns: ["published", "measure", "value", "countries", "in_dataset", "dataset_countries", "share", "source"])
            for total in dataset.totals {
                var inDataset: Cell = .none, countries: Cell = .none, share: Cell = .none
                if total.measure == "stations" || total.measure == "cities" {
                    var counted = stations
                    if let scope = total.scope {
                        let ids = Set(relations.filter { $0.type == .established && $0.from == scope }.map(\.to))
                        counted = counted.filter { ids.contains($0.id) }
                    }
                    if let country = total.country {
                        counted = counted.filter { $0.country?.lowercased() == country.lowercased() }
                    }
                    let value = total.measure == "stations" ? counted.count : Set(counted.compactMap(\.city)).count
                    inDataset = .int(value)
                    countries = .int(Set(counted.compactMap(\.country)).count)
                    if total.value > 0 { share = .number(Double(value) / Double(total.value)) }
                }
                coverage.rows.append([.text(total.label), .text(total.measure), .int(total.value), total.countries.map(Cell.int) ?? .none,
                                      inDataset, countries, share,
                                      .text(total.citations.map(\.source).joined(separator: " "))])
            }
            tables.append(coverage)
        }
        return tables
    }
}
