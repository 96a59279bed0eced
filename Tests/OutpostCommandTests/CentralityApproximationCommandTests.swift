import Foundation
import OutpostTestSupport
import Testing

/// `outpost centrality --measure betweenness --epsilon E [--delta D] [--seed S]`: estimated
/// scores, within E of NetworkX's exact ones, and an output that says they are estimates.
@Suite struct CentralityApproximationCommandTests {
    static let karate = "Tests/Fixtures/graphs/karate.graphml"

    static func networkX(_ key: String) throws -> [String: Double] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Outpost.path("Tests/Fixtures/expected/karate.json")))
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(expected[key] as? [String: Double])
    }

    @Test(arguments: [false, true])
    func jsonStatesTheGuaranteeAndEveryScoreMeetsIt(_ weighted: Bool) throws {
        let arguments = ["centrality", Self.karate, "--measure", "betweenness", "--epsilon", "0.05", "--delta", "0.2",
                         "--seed", "9", "--format", "json"] + (weighted ? ["--weight", "weight"] : [])
        let result = try Outpost.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try Outpost.json(result.stdout) as? [String: Any])
        #expect(json["measure"] as? String == "betweenness")
        let approximation = try #require(json["approximation"] as? [String: Any])
        #expect(approximation["epsilon"] as? Double == 0.05)
        #expect(approximation["delta"] as? Double == 0.2)
        #expect(approximation["seed"] as? Int == 9)
        let samples = try #require(approximation["samples"] as? Int)
        #expect(samples > 100)
        #expect((approximation["vertex_diameter_bound"] as? Int).map { $0 >= 3 } == true)
        // One seeded run: deterministic, so this cannot flake; its errors are far below 0.05.
        let exact = try Self.networkX(weighted ? "betweenness_centrality_weighted" : "betweenness_centrality")
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.count == exact.count)
        for node in nodes {
            let id = try #require(node["id"] as? String), score = try #require(node["score"] as? Double)
            #expect(abs(score - exact[id]!) <= 0.05, "node \(id): \(score) against NetworkX's \(exact[id]!)")
        }
        // The same seed gives the same bytes; another seed other scores.
        #expect(try Outpost.run(arguments).stdout == result.stdout)
        var other = arguments
        other[other.firstIndex(of: "9")!] = "10"
        #expect(try Outpost.run(other).stdout != result.stdout)
    }

    @Test func tableAndCSVSayTheScoresAreEstimates() throws {
        let table = try Outpost.run("centrality", Self.karate, "--measure", "betweenness", "--epsilon", "0.1", "--top", "2")
        #expect(table.status == 0)
        let title = try #require(table.stdout.split(separator: "\n").first)
        #expect(title.hasPrefix("betweenness (approximate: ±0.1 with probability ≥ 0.9, "), "\(title)")
        #expect(title.contains("sampled paths, seed 42)"))
        let csv = try Outpost.run("centrality", Self.karate, "--measure", "betweenness", "--epsilon", "0.1", "--top", "2", "--format", "csv")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "rank,id,name,score,epsilon,delta,samples")
        #expect(lines[1].hasPrefix("1,0,0,") && lines[1].contains(",0.1,0.1,"), "\(lines[1])")
        // Exact scores keep the four columns.
        let exact = try Outpost.run("centrality", Self.karate, "--measure", "betweenness", "--top", "1", "--format", "csv")
        #expect(exact.stdout.hasPrefix("rank,id,name,score\n"))
    }

    @Test(arguments: [
        (["--epsilon", "0"], "--epsilon must be strictly between 0 and 1"),
        (["--epsilon", "1.5"], "--epsilon must be strictly between 0 and 1"),
        (["--epsilon", "nan"], "--epsilon must be strictly between 0 and 1"),
        (["--epsilon", "0.1", "--delta", "1"], "--delta must be strictly between 0 and 1"),
        (["--epsilon", "0.1", "--delta=-0.1"], "--delta must be strictly between 0 and 1"),
        (["--delta", "0.1"], "--delta applies with --epsilon"),
        (["--seed", "3"], "--seed applies with --epsilon"),
        (["--epsilon", "0.1", "--raw"], "--epsilon bounds the error of normalized betweenness"),
    ])
    func badApproximationArgumentsAreUsageErrors(_ extra: [String], _ message: String) throws {
        let result = try Outpost.run(["centrality", Self.karate, "--measure", "betweenness"] + extra)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func epsilonIsForBetweennessOnly() throws {
        let result = try Outpost.run("centrality", Self.karate, "--measure", "closeness", "--epsilon", "0.1")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--epsilon applies to betweenness"), "\(result.stderr)")
    }
}
