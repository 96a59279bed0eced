import Foundation
import Outpost
import OutpostTestSupport
import Testing

/// The README's Swift examples, run as written, give the command's answer to the same question.
@Suite struct ReadmeExampleTests {
    let bundled = CommandLineTool.path("Graphs/overseas-police-stations")

    func object(_ arguments: String...) throws -> [String: Any] {
        let result = try CommandLineTool.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try CommandLineTool.json(result.stdout) as? [String: Any])
    }

    /// README "Library": components of the confirmed network, as `outpost structure --min-status confirmed`.
    @Test func libraryExampleCountsTheCommandsComponents() throws {
        let (dataset, _) = try DatasetReader().readValid(at: bundled)
        let view = DatasetView(dataset, filter: DatasetFilter(minimumStatus: .confirmed))
        let index = GraphIndex(view.graph())
        let components = index.connectedComponents().count

        let cli = try object("structure", bundled, "--min-status", "confirmed", "--format", "json")
        #expect(components == (cli["connected_components"] as? [[String]])?.count)
    }

    /// The index a README program builds from a dataset view sums parallel relations as the
    /// command does, so Leiden finds the command's communities (issue 12: Q 0.718 against 0.729).
    @Test func indexOfAViewFindsTheCommandsCommunities() throws {
        let (dataset, _) = try DatasetReader().readValid(at: bundled)
        let index = GraphIndex(DatasetView(dataset).graph())
        let partition = try index.leidenCommunities()
        let ids: [[String]] = partition.communities.map { members in members.map { index.ids[$0] }.sorted() }
        let mine = ids.sorted { a, b in a.count != b.count ? a.count > b.count : a[0] < b[0] }

        let cli = try object("communities", bundled, "--format", "json")
        #expect(mine == (cli["communities"] as? [[String: Any]])?.map { $0["members"] as? [String] ?? [] })
    }

    /// The README's explained-path snippet.
    @Test func explainedPathSnippetGivesTheCommandsPath() throws {
        let network = try LoadedNetwork(contentsOf: bundled, filter: .everything)
        let search = try network.findPaths(PathQuery(from: "station-rotterdam", to: "fuzhou-psb", cost: .evidenceStatus))
        let path = try #require(search.paths.first)

        let cli = try object("path", bundled, "station-rotterdam", "fuzhou-psb", "--weight", "status", "--format", "json")
        let cliPath = try #require((cli["paths"] as? [[String: Any]])?.first)
        #expect(path.nodes == cliPath["nodes"] as? [String])
        #expect(path.cost == (cliPath["cost"] as? NSNumber)?.doubleValue)
    }

    /// The README's coverage snippet.
    @Test func coverageSnippetGivesTheCommandsTable() throws {
        let summary = try LoadedNetwork(contentsOf: bundled, filter: .everything).summary()
        let coverage = try #require(summary.dataset?.coverage)
        let cli = try object("stats", bundled, "--format", "json")
        let rows = try #require(cli["coverage"] as? [[String: Any]])
        #expect(coverage.map(\.total.label) == rows.compactMap { $0["published"] as? String })
        #expect(coverage.map(\.inDataset) == rows.map { $0["in_dataset"] as? Int })
    }
}
