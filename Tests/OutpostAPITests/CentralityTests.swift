import Foundation
import Outpost
import OutpostTestSupport
import Testing

/// ``LoadedNetwork/centrality(_:_:)`` as a Swift program calls it, against `outpost centrality`
/// on the bundled dataset: the same nodes in the same order with the same scores.
@Suite struct CentralityTests {
    let bundled = CommandLineTool.path("Graphs/overseas-police-stations")

    /// Foundation's JSON parser on Linux may miss a double's last bit.
    func same(_ a: Double, _ b: Double?) -> Bool {
        guard let b else { return false }
        return abs(a - b) <= 1e-14 * max(1, abs(a))
    }

    @Test(arguments: [(CentralityMeasure.pagerank, false), (.closeness, false), (.degree, true)])
    func libraryRankingIsTheCommands(_ measure: CentralityMeasure, _ raw: Bool) throws {
        let result = try LoadedNetwork(contentsOf: bundled).centrality(measure, CentralityOptions(raw: raw))
        #expect(result.measure == measure && result.raw == raw && result.weightAttribute == nil)
        #expect(result.isCount == raw, "raw degrees are counts; normalized scores are not")
        let ranking = result.ranking()

        let cli = try CommandLineTool.run(["centrality", bundled, "--measure", measure.rawValue, "--format", "json"] + (raw ? ["--raw"] : []))
        #expect(cli.status == 0, "\(cli.stderr)")
        let json = try #require(try CommandLineTool.json(cli.stdout) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(json["measure"] as? String == measure.rawValue)
        #expect(nodes.count == result.nodeCount && nodes.count > 10)
        #expect(ranking.map { result.ids[$0] } == nodes.compactMap { $0["id"] as? String })
        #expect(ranking.map { result.names[$0] } == nodes.compactMap { $0["name"] as? String })
        for (v, node) in zip(ranking, nodes) {
            #expect(same(result.scores[v], (node["score"] as? NSNumber)?.doubleValue), "\(result.ids[v])")
        }
        let top = result.ids[ranking[0]]
        #expect(result.scores[top] == result.scores[ranking[0]], "scores are reachable by id")
    }

    @Test func personalizationByNameMatchesTheCommand() throws {
        let options = CentralityOptions(personalization: ["Fuzhou Public Security Bureau"])
        let result = try LoadedNetwork(contentsOf: bundled).centrality(.pagerank, options)
        let plain = try LoadedNetwork(contentsOf: bundled).centrality(.pagerank)
        #expect(result.scores.scores != plain.scores.scores, "teleporting to one node changes the scores")
        let cli = try CommandLineTool.run("centrality", bundled, "--measure", "pagerank", "--personalize", "fuzhou-psb", "--top", "5", "--format", "json")
        let nodes = try #require((try CommandLineTool.json(cli.stdout) as? [String: Any])?["nodes"] as? [[String: Any]])
        #expect(result.ranking().prefix(5).map { result.ids[$0] } == nodes.compactMap { $0["id"] as? String })
    }

    @Test func optionsAMeasureCannotTakeAreLibraryErrorsNamingNoFlag() throws {
        let network = try LoadedNetwork(contentsOf: bundled)
        #expect(throws: AnalysisError.noRawVariant("pagerank")) { try network.centrality(.pagerank, CentralityOptions(raw: true)) }
        #expect(throws: AnalysisError.alphaOutOfRange(1.5)) { try network.centrality(.pagerank, CentralityOptions(alpha: 1.5)) }
        #expect(throws: AnalysisError.unknownDatasetWeight("weight")) {
            try network.centrality(.betweenness, CentralityOptions(weightAttribute: "weight"))
        }
        #expect(throws: AnalysisError.noApproximation("closeness")) {
            try network.centrality(.closeness, CentralityOptions(epsilon: 0.1))
        }
        #expect(throws: AnalysisError.rawApproximation) { try network.centrality(.betweenness, CentralityOptions(raw: true, epsilon: 0.1)) }
        for error in [AnalysisError.noRawVariant("pagerank"), .alphaOutOfRange(1.5), .notInFilteredGraph("x"),
                      .noApproximation("closeness"), .rawApproximation] {
            #expect(!error.description.contains("--"), "\(error.description)")
        }
    }

    /// Approximate betweenness through the library is the command's, sampling included.
    @Test func approximateBetweennessIsTheCommands() throws {
        let network = try LoadedNetwork(contentsOf: bundled)
        let result = try network.centrality(.betweenness, CentralityOptions(epsilon: 0.05, delta: 0.2, seed: 5))
        let sampling = try #require(result.sampling)
        #expect(sampling.epsilon == 0.05 && sampling.delta == 0.2 && sampling.seed == 5 && sampling.sampleCount > 0)
        #expect(try network.centrality(.betweenness).sampling == nil, "exact scores carry no sampling")
        let cli = try CommandLineTool.run("centrality", bundled, "--measure", "betweenness", "--epsilon", "0.05", "--delta", "0.2",
                                          "--seed", "5", "--format", "json")
        let json = try #require(try CommandLineTool.json(cli.stdout) as? [String: Any])
        #expect((json["approximation"] as? [String: Any])?["samples"] as? Int == sampling.sampleCount)
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        for (v, node) in zip(result.ranking(), nodes) {
            #expect(same(result.scores[v], (node["score"] as? NSNumber)?.doubleValue), "\(result.ids[v])")
        }
    }
}
