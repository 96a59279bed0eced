import Foundation
import Outpost
import OutpostTestSupport
import Testing

/// The library's answers on the bundled dataset, computed as a Swift program would (`import
/// Outpost`, no @testable), against what the built `outpost` command prints for the same
/// question. Nothing here is a hard-coded result: the dataset grows, both sides must follow.
@Suite struct BundledDatasetTests {
    let bundled = CommandLineTool.path("Graphs/overseas-police-stations")

    /// Foundation's JSON parser on Linux may miss a double's last bit; the command prints
    /// every digit, so the two agree to within that.
    func same(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-14 * max(1, abs(a))
    }

    func object(_ arguments: String...) throws -> [String: Any] {
        let result = try CommandLineTool.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try CommandLineTool.json(result.stdout) as? [String: Any])
    }

    @Test func betweennessTopTenIsTheCommandsRanking() throws {
        let network = try LoadedNetwork(contentsOf: bundled)
        let index = network.index()
        let scores = try index.betweennessCentrality()
        let top = scores.ranking(ids: index.ids).prefix(10)

        let cli = try object("centrality", bundled, "--measure", "betweenness", "--top", "10", "--format", "json")
        let nodes = try #require(cli["nodes"] as? [[String: Any]])
        #expect(cli["layers"] as? [String] == ["network"], "both count the network layer by default")
        #expect(nodes.count == 10)
        #expect(top.map { index.ids[$0] } == nodes.compactMap { $0["id"] as? String })
        let cliScores = nodes.map { ($0["score"] as? NSNumber)?.doubleValue }
        #expect(zip(top.map { scores.scores[$0] }, cliScores).allSatisfy { same($0, $1) }, "\(cliScores)")
    }

    @Test func leidenWithTheCommandsDefaultsGivesItsPartitionAndModularity() throws {
        let network = try LoadedNetwork(contentsOf: bundled)
        let found = try network.communities()
        let cli = try object("communities", bundled, "--format", "json")
        let members = try #require(cli["communities"] as? [[String: Any]]).map { $0["members"] as? [String] ?? [] }
        #expect(found.communities == members)
        #expect(same(found.modularity, (cli["modularity"] as? NSNumber)?.doubleValue))
        #expect(found.communities.count > 1, "the bundled network splits into communities")
    }

    @Test func explainedPathHasTheCommandsHopsRelationsStatusesAndSources() throws {
        let network = try LoadedNetwork(contentsOf: bundled, filter: .everything)
        let search = try network.findPaths(PathQuery(from: "station-rotterdam", to: "Fuzhou Public Security Bureau"))
        #expect(search.noPath == nil)
        let path = try #require(search.paths.first)

        let cli = try object("path", bundled, "station-rotterdam", "fuzhou-psb", "--format", "json")
        let cliPath = try #require((cli["paths"] as? [[String: Any]])?.first)
        #expect(path.nodes == cliPath["nodes"] as? [String])
        #expect(path.length == cliPath["length"] as? Int)
        let cliHops = try #require(cliPath["hops"] as? [[String: Any]])
        let links = path.hops.flatMap { hop in hop.links.map { (hop, $0) } }
        #expect(links.count == cliHops.count)
        for ((hop, link), cliHop) in zip(links, cliHops) {
            #expect(hop.from == cliHop["from"] as? String && hop.to == cliHop["to"] as? String)
            #expect(link.type == cliHop["relation"] as? String)
            #expect(link.status == cliHop["status"] as? String)
            #expect(link.sources == cliHop["sources"] as? [String])
            let relation = try #require(link.relation)
            #expect(link.layer == relation.layer, "every hop names its relation's layer")
            #expect(link.layer?.rawValue == cliHop["layer"] as? String)
            #expect(link.citations.allSatisfy { !$0.excerpt.isEmpty }, "each citation carries the source's words")
        }
    }

    @Test func coverageRowsAreTheCommandsRows() throws {
        let network = try LoadedNetwork(contentsOf: bundled, filter: .everything)
        let coverage = try #require(network.summary().dataset?.coverage)
        let cli = try object("stats", bundled, "--format", "json")
        let rows = try #require(cli["coverage"] as? [[String: Any]])
        #expect(!coverage.isEmpty && coverage.count == rows.count)
        for (row, cliRow) in zip(coverage, rows) {
            #expect(row.total.label == cliRow["published"] as? String)
            #expect(row.total.measure == cliRow["measure"] as? String)
            #expect(row.total.value == cliRow["value"] as? Int)
            #expect(row.inDataset == cliRow["in_dataset"] as? Int)
            #expect(row.datasetCountries == cliRow["dataset_countries"] as? Int)
            #expect(same(row.share, (cliRow["share"] as? NSNumber)?.doubleValue))
            #expect(row.total.citations.sourceIDs.joined(separator: " ") == cliRow["source"] as? String)
        }
    }

    @Test func stationsByCountryAndJurisdictionAreTheCommandsTables() throws {
        let summary = try #require(try LoadedNetwork(contentsOf: bundled, filter: .everything).summary().dataset)
        let cli = try object("stats", bundled, "--format", "json")
        let countries = try #require(cli["stations-by-country"] as? [[String: Any]])
        #expect(summary.stationsByCountry.map(\.country) == countries.compactMap { $0["country"] as? String })
        #expect(summary.stationsByCountry.map(\.stations) == countries.compactMap { $0["stations"] as? Int })
        let jurisdictions = try #require(cli["stations-by-jurisdiction"] as? [[String: Any]])
        #expect(summary.stationsByJurisdiction.map(\.jurisdiction) == jurisdictions.compactMap { $0["jurisdiction"] as? String })
        #expect(summary.stationsByJurisdiction.map(\.disputed) == jurisdictions.compactMap { $0["of_which_disputed"] as? Int })
    }

    /// The evidence table: the command prints the library's figures, and both agree with a
    /// count made here from the dataset's own entities and relations.
    @Test func evidenceCoverageIsTheCommandsTableAndTheDatasetsCount() throws {
        let network = try LoadedNetwork(contentsOf: bundled, filter: .everything)
        let evidence = try #require(network.summary().dataset?.evidence)
        let dataset = try #require(network.view?.dataset)
        let singles = dataset.entities.filter { $0.kind == .policeStation && $0.attributes["group"] == nil }
        let bodies: Set<EntityKind> = [.publicSecurityBureau, .provincialDepartment, .ministry]
        let kind = Dictionary(dataset.entities.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let tied = Set(dataset.relations.filter { [.established, .operatedBy, .affiliatedWith].contains($0.type) && $0.status != .denied }
            .flatMap { r -> [String] in
                [(r.from, r.to), (r.to, r.from)].compactMap { pair in
                    kind[pair.0] == .policeStation && bodies.contains(kind[pair.1] ?? .person) ? pair.0 : nil
                }
            })
        #expect(evidence.singleStations == singles.count)
        #expect(evidence.tiedToPoliceBody == singles.filter { tied.contains($0.id) }.count)
        #expect(evidence.bureauNotStated == singles.filter { $0.attributes["bureau"] == "not-stated" }.count)
        #expect(evidence.relations == dataset.relations.count)
        #expect(evidence.undatedRelations == dataset.relations.filter { $0.start == nil && $0.end == nil && $0.date == nil }.count)
        // A station tied to a bureau never says its bureau is not stated (FORMAT.md, "Conventions").
        #expect(singles.filter { tied.contains($0.id) && $0.attributes["bureau"] == "not-stated" }.isEmpty)
        // Every single station either is tied or says so.
        #expect(evidence.tiedToPoliceBody + evidence.bureauNotStated == evidence.singleStations)

        let cli = try object("stats", bundled, "--format", "json")
        let rows = try #require(cli["evidence"] as? [[String: Any]])
        #expect(rows.compactMap { $0["value"] as? Int } ==
                [evidence.singleStations, evidence.tiedToPoliceBody, evidence.bureauNotStated, evidence.relations, evidence.undatedRelations])
    }
}
