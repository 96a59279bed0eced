import OutpostAlgorithms
import OutpostGraph

/// The shape of a loaded graph: counts, components and density.
public struct NetworkSummary: Hashable, Sendable {
    public var nodeCount: Int
    /// Edges of the graph, one per relation for a dataset (parallel ones included).
    public var edgeCount: Int
    /// Distinct linked pairs (parallel edges merged).
    public var linkedPairCount: Int
    public var isDirected: Bool
    /// Connected components (weakly connected for a directed graph).
    public var componentCount: Int
    public var largestComponent: Int
    /// Nodes with no edge at all.
    public var isolatedNodeCount: Int
    /// NetworkX's `density` of the linked pairs.
    public var density: Double
    /// Sources the dataset lists; nil for a plain graph.
    public var sourceCount: Int?
}

/// How many of each value (entity kind, relation type, status) a dataset view holds.
public struct Tally: Hashable, Sendable {
    /// The value, as the dataset spells it (`police-station`, `established`, `confirmed`).
    public var value: String
    public var count: Int
}

/// Single stations and station groups located in one country.
public struct CountryStations: Hashable, Sendable {
    /// The country, or "(country not stated)".
    public var country: String
    /// Single stations (records of one station each).
    public var stations: Int
    /// Group records: several unnamed stations a source counts (network-wide groups excluded).
    public var groups: Int
}

/// The single stations one entity is said to have set up (``RelationType/established``).
public struct JurisdictionStations: Hashable, Sendable {
    /// The founder's name, or "(not stated)" for stations no relation gives a founder.
    public var jurisdiction: String
    public var stations: Int
    /// Of those, the stations whose founding by this entity sources dispute.
    public var disputed: Int
}

/// A published total beside what the dataset records within the same scope.
public struct CoverageRow: Hashable, Sendable {
    /// The figure as its source states it.
    public var total: PublishedTotal
    /// Single stations (measure `stations`) or their distinct cities (measure `cities`) the
    /// dataset records within the total's scope and country; nil for another measure.
    public var inDataset: Int?
    /// Distinct countries of those stations; nil for another measure.
    public var datasetCountries: Int?
    /// `inDataset` as a share of the published value; nil when it has none or the value is 0.
    public var share: Double?
}

/// How far a dataset view ties its single stations to the Chinese police and dates its
/// relations: the figures a researcher checks before trusting the network.
public struct EvidenceCoverage: Hashable, Sendable {
    /// Police-station entities that are not groups.
    public var singleStations: Int
    /// Single stations with a relation of type `established`, `operated-by` or
    /// `affiliated-with`, not graded `denied`, to or from a public security bureau, a
    /// provincial department or a ministry.
    public var tiedToPoliceBody: Int
    /// Single stations carrying `attributes: { bureau: not-stated }`: no cited source names
    /// the body that set them up or runs them.
    public var bureauNotStated: Int
    public var relations: Int
    /// Relations with no `start`, `end` or `date`.
    public var undatedRelations: Int
}

/// What a dataset view holds: counts by kind, type and status, stations by country and by
/// jurisdiction, coverage against the published totals, and ``EvidenceCoverage``.
public struct DatasetSummary: Hashable, Sendable {
    public var kinds: [Tally]
    public var relationTypes: [Tally]
    public var statuses: [Tally]
    /// By country, most single stations first; empty when the view holds no police station.
    public var stationsByCountry: [CountryStations]
    /// By founder, most stations first; empty when the view holds no single station record.
    public var stationsByJurisdiction: [JurisdictionStations]
    /// One row per published total; empty when the dataset has none or the view no station.
    public var coverage: [CoverageRow]
    /// Whether the view holds any police station (single or group).
    public var hasStations: Bool
    /// Ties of single stations to the Chinese police, and undated relations, in this view.
    public var evidence: EvidenceCoverage

    /// Counts every entity and relation `view` keeps.
    ///
    /// A single station is an entity of kind `police-station` that is not a group. Its
    /// jurisdiction is whoever a relation of type `established` names as its founder; a station
    /// whose founder sources dispute counts under each claimant. Coverage counts the single
    /// stations (or their distinct cities) within a total's `scope` (stations its scope entity
    /// established) and `country`.
    public init(_ view: DatasetView) {
        let dataset = view.dataset
        let entities = view.entities, relations = view.relations
        kinds = DatasetSummary.tally(entities.map(\.kind)) { $0.rawValue }
        relationTypes = DatasetSummary.tally(relations.map(\.type)) { $0.rawValue }
        statuses = DatasetSummary.tally(relations.map(\.status)) { $0.rawValue }
        stationsByCountry = []
        stationsByJurisdiction = []
        coverage = []
        let stationEntities = entities.filter { $0.kind == .policeStation }
        hasStations = !stationEntities.isEmpty
        let stations = stationEntities.filter { !$0.isGroup }
        evidence = DatasetSummary.evidence(stations: stations, relations: relations, in: dataset)
        guard hasStations else { return }

        let groups = stationEntities.filter(\.isGroup)
        var byCountry: [String: (single: Int, groups: Int)] = [:]
        for s in stations { byCountry[s.country ?? "(country not stated)", default: (0, 0)].single += 1 }
        for g in groups where g.attributes["group"] != "network" { byCountry[g.country ?? "(country not stated)", default: (0, 0)].groups += 1 }
        stationsByCountry = byCountry.sorted { a, b in
            (a.value.single, a.value.groups) != (b.value.single, b.value.groups)
                ? (a.value.single, a.value.groups) > (b.value.single, b.value.groups) : a.key < b.key
        }.map { CountryStations(country: $0.key, stations: $0.value.single, groups: $0.value.groups) }

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
        stationsByJurisdiction = jurisdiction.sorted { a, b in
            a.value.stations.count != b.value.stations.count ? a.value.stations.count > b.value.stations.count : a.key < b.key
        }.map { JurisdictionStations(jurisdiction: $0.key, stations: $0.value.stations.count, disputed: $0.value.disputed.count) }

        coverage = dataset.totals.map { total in
            var row = CoverageRow(total: total)
            guard total.measure == "stations" || total.measure == "cities" else { return row }
            var counted = stations
            if let scope = total.scope {
                let ids = Set(relations.filter { $0.type == .established && $0.from == scope }.map(\.to))
                counted = counted.filter { ids.contains($0.id) }
            }
            if let country = total.country {
                counted = counted.filter { $0.country?.lowercased() == country.lowercased() }
            }
            let value = total.measure == "stations" ? counted.count : Set(counted.compactMap(\.city)).count
            row.inDataset = value
            row.datasetCountries = Set(counted.compactMap(\.country)).count
            if total.value > 0 { row.share = Double(value) / Double(total.value) }
            return row
        }
    }

    /// The kinds whose `established`, `operated-by` or `affiliated-with` tie to a station
    /// counts as a tie to the Chinese police.
    static let policeBodyKinds: Set<EntityKind> = [.publicSecurityBureau, .provincialDepartment, .ministry]

    static func evidence(stations: [Entity], relations: [Relation], in dataset: Dataset) -> EvidenceCoverage {
        let ids = Set(stations.map(\.id))
        var tied: Set<String> = []
        for r in relations where [.established, .operatedBy, .affiliatedWith].contains(r.type) && r.status != .denied {
            for (station, other) in [(r.from, r.to), (r.to, r.from)] where ids.contains(station) {
                if let kind = dataset.entity(other)?.kind, policeBodyKinds.contains(kind) { tied.insert(station) }
            }
        }
        return EvidenceCoverage(
            singleStations: stations.count, tiedToPoliceBody: tied.count,
            bureauNotStated: stations.filter { $0.attributes["bureau"] == "not-stated" }.count,
            relations: relations.count,
            undatedRelations: relations.filter { $0.start == nil && $0.end == nil && $0.date == nil }.count)
    }

    /// Counts, most frequent first, ties by value.
    static func tally<T: Comparable & Hashable>(_ values: [T], label: (T) -> String) -> [Tally] {
        var counts: [T: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { Tally(value: label($0.key), count: $0.value) }
    }
}

extension CoverageRow {
    init(total: PublishedTotal) {
        self.total = total
    }
}

/// Everything `outpost stats` says of an input: the graph's shape and, for a dataset, what
/// its view holds.
public struct InputSummary: Hashable, Sendable {
    public var network: NetworkSummary
    /// Nil for a plain graph.
    public var dataset: DatasetSummary?
    /// The dataset's title and, when the view keeps less than everything, its filter; nil for
    /// a plain graph.
    public var headline: String?
}

extension LoadedNetwork {
    /// The summary of this input: counts, components and density of ``graph`` and, for a
    /// dataset, ``DatasetSummary`` of ``view``.
    /// - Complexity: O(*V* + *E*).
    public func summary() -> InputSummary {
        let index = GraphIndex(graph, merge: .sum)
        let components = index.connectedComponents()
        let network = NetworkSummary(
            nodeCount: index.nodeCount, edgeCount: graph.edgeCount, linkedPairCount: index.edgeCount,
            isDirected: index.isDirected, componentCount: components.count, largestComponent: components.first?.count ?? 0,
            isolatedNodeCount: components.filter { $0.count == 1 && index.degree(of: $0[0]) == 0 }.count,
            density: index.density, sourceCount: dataset?.sources.count)
        guard let view else { return InputSummary(network: network, dataset: nil, headline: nil) }
        let title = view.dataset.title ?? view.dataset.name
        return InputSummary(network: network, dataset: DatasetSummary(view),
                            headline: title + (view.filter.isEmpty ? "" : " — filter: \(view.filter.summary)"))
    }
}

extension InputSummary {
    /// The summary as the tables `outpost stats` prints and the report shows, in that order:
    /// `summary`, then for a dataset `kinds`, `relations`, `statuses` and, when it holds
    /// stations, `stations-by-country`, `stations-by-jurisdiction`, `evidence` and `coverage`.
    public var tables: [ResultTable] {
        var summary = ResultTable(key: "summary", title: "Summary", columns: ["measure", "value"])
        if let sources = network.sourceCount { summary.rows.append([.text("sources"), .integer(sources)]) }
        summary.rows += [
            [.text("nodes"), .integer(network.nodeCount)],
            [.text("edges"), .integer(network.edgeCount)],
            [.text("linked pairs"), .integer(network.linkedPairCount)],
            [.text("directed"), .text(network.isDirected ? "yes" : "no")],
            [.text(network.isDirected ? "weakly connected components" : "connected components"), .integer(network.componentCount)],
            [.text("largest component"), .integer(network.largestComponent)],
            [.text("isolated nodes"), .integer(network.isolatedNodeCount)],
            [.text("density"), .number(network.density)],
        ]
        guard let dataset else { return [summary] }
        func counts(_ tallies: [Tally], key: String, title: String, column: String) -> ResultTable {
            ResultTable(key: key, title: title, columns: [column, "count"], rows: tallies.map { [.text($0.value), .integer($0.count)] })
        }
        var tables = [summary,
                      counts(dataset.kinds, key: "kinds", title: "Entities by kind", column: "kind"),
                      counts(dataset.relationTypes, key: "relations", title: "Relations by type", column: "relation"),
                      counts(dataset.statuses, key: "statuses", title: "Relations by status", column: "status")]
        guard dataset.hasStations else { return tables }
        tables.append(ResultTable(key: "stations-by-country",
                                  title: "Stations by country (single stations; groups stand for several unnamed stations a source counts)",
                                  columns: ["country", "stations", "groups"],
                                  rows: dataset.stationsByCountry.map { [.text($0.country), .integer($0.stations), .integer($0.groups)] }))
        tables.append(ResultTable(key: "stations-by-jurisdiction", title: "Single stations by jurisdiction (who set them up, per source)",
                                  columns: ["jurisdiction", "stations", "of_which_disputed"],
                                  rows: dataset.stationsByJurisdiction.map { [.text($0.jurisdiction), .integer($0.stations), .integer($0.disputed)] }))
        let e = dataset.evidence
        func share(_ part: Int, of whole: Int) -> ResultValue { whole > 0 ? .number(Double(part) / Double(whole)) : .none }
        tables.append(ResultTable(
            key: "evidence", title: "Evidence: single stations tied to a Chinese public security body, and undated relations",
            columns: ["measure", "value", "share"],
            rows: [[.text("single stations"), .integer(e.singleStations), .none],
                   [.text("tied to a public security bureau, department or ministry (established, operated-by, affiliated-with)"),
                    .integer(e.tiedToPoliceBody), share(e.tiedToPoliceBody, of: e.singleStations)],
                   [.text("bureau not stated by any source (bureau: not-stated)"), .integer(e.bureauNotStated), share(e.bureauNotStated, of: e.singleStations)],
                   [.text("relations"), .integer(e.relations), .none],
                   [.text("undated relations (no start, end or date)"), .integer(e.undatedRelations), share(e.undatedRelations, of: e.relations)]]))
        if !dataset.coverage.isEmpty {
            tables.append(ResultTable(
                key: "coverage", title: "Coverage: published totals against the single stations in the dataset",
                columns: ["published", "measure", "value", "countries", "in_dataset", "dataset_countries", "share", "source"],
                rows: dataset.coverage.map { row in
                    let t = row.total
                    return [.text(t.label), .text(t.measure), .integer(t.value), t.countries.map(ResultValue.integer) ?? .none,
                            row.inDataset.map(ResultValue.integer) ?? .none, row.datasetCountries.map(ResultValue.integer) ?? .none,
                            row.share.map(ResultValue.number) ?? .none, .text(t.citations.sourceIDs.joined(separator: " "))]
                }))
        }
        return tables
    }
}
