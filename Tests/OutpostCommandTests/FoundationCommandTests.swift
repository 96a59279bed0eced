import Foundation
import OutpostTestSupport
import Testing

@Suite struct FoundationCommandTests {
    let mini = "Tests/Data/mini"

    @Test func validateCleanDatasetExitsZero() throws {
        let result = try Outpost.run("validate", mini, "--sources-dir", "Tests/Data/sources")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("ok: 0 error(s)"))
        #expect(result.stdout.contains("7 excerpts checked"))
    }

    @Test func validateReportsAllPlantedProblemsAndExitsOne() throws {
        let result = try Outpost.run("validate", "Tests/Data/broken")
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Tests/Data/broken/entities.yaml:15:5: error: duplicate entity id 'springfield-psb'") })
        #expect(lines.contains { $0.hasPrefix("Tests/Data/broken/relations.yaml:2:5: error:") && $0.contains("unknown entity 'station-shelbyvile'") })
        #expect(lines.contains { $0.hasPrefix("Tests/Data/broken/relations.yaml:9:5: error:") && $0.contains("has no citation") })
        #expect(lines.contains { $0.hasPrefix("Tests/Data/broken/relations.yaml:17:11: error: '2022-13-40' is not a date") })
        #expect(lines.contains { $0.hasPrefix("Tests/Data/broken/relations.yaml:9:5: error:") && $0.contains("runs the wrong way") })
        #expect(result.stdout.contains("FAILED: 5 error(s)"))
    }

    @Test func validateJSONListsProblems() throws {
        let result = try Outpost.run("validate", "Tests/Data/broken", "--format", "json")
        #expect(result.status == 1)
        let rows = try #require(try Outpost.json(result.stdout) as? [[String: Any]])
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { $0["line"] is Int && $0["file"] is String })
    }

    @Test func validateCatchesExcerptsNotInTheSource() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-excerpt-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Outpost.path(mini)), to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("entities.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "excerpt: the Springfield Public Security Bureau opened", with: "excerpt: the Springfield bureau opened")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try Outpost.run("validate", dir.path, "--sources-dir", "Tests/Data/sources")
        #expect(result.status == 1)
        #expect(result.stdout.contains("entities.yaml:9:9: error: entity 'springfield-psb': excerpt not found in article.txt"))
    }

    @Test func statsTableJSONAndCSVCarryTheSameCounts() throws {
        let table = try Outpost.run("stats", mini)
        #expect(table.status == 0)
        #expect(table.stdout.contains("Single stations by jurisdiction"))
        let json = try #require(try Outpost.json(try Outpost.run("stats", mini, "--format", "json").stdout) as? [String: Any])
        let byCountry = try #require(json["stations-by-country"] as? [[String: Any]])
        #expect(byCountry.first?["country"] as? String == "Testland")
        #expect(byCountry.first?["stations"] as? Int == 1)
        let coverage = try #require(json["coverage"] as? [[String: Any]])
        #expect(coverage.first?["in_dataset"] as? Int == 1)
        #expect(coverage.first?["value"] as? Int == 2)
        let csv = try Outpost.run("stats", mini, "--format", "csv").stdout
        #expect(csv.contains("stations-by-country,Testland,1,0"))
    }

    @Test func statsFiltersByStatus() throws {
        let json = try #require(try Outpost.json(try Outpost.run("stats", mini, "--min-status", "confirmed", "--format", "json").stdout) as? [String: Any])
        let statuses = try #require(json["statuses"] as? [[String: Any]])
        #expect(statuses.count == 1 && statuses[0]["status"] as? String == "confirmed")
    }

    @Test func statsOnPlainGraphs() throws {
        let result = try Outpost.run("stats", "Tests/Fixtures/graphs/karate.csv", "--format", "json")
        let json = try #require(try Outpost.json(result.stdout) as? [String: Any])
        let summary = try #require(json["summary"] as? [[String: Any]])
        #expect(summary.contains { $0["measure"] as? String == "nodes" && $0["value"] as? Int == 34 })
        #expect(summary.contains { $0["measure"] as? String == "edges" && $0["value"] as? Int == 78 })
        let filtered = try Outpost.run("stats", "Tests/Fixtures/graphs/karate.csv", "--min-status", "confirmed")
        #expect(filtered.status == 64, "filters on a plain graph are a usage error")
    }

    @Test func showResolvesAliasesAndPrintsEvidence() throws {
        let result = try Outpost.run("show", mini, "春田市公安局")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Springfield Public Security Bureau [public-security-bureau]"))
        #expect(result.stdout.contains("A spokesperson for the bureau denied that the station did police work."))
        let json = try #require(try Outpost.json(try Outpost.run("show", mini, "station-shelbyville", "--format", "json").stdout) as? [String: Any])
        let relations = try #require(json["relations"] as? [[String: Any]])
        #expect(relations.count == 3)
        #expect(relations.contains { $0["relation"] as? String == "investigated" && $0["status"] as? String == "confirmed" })
    }

    @Test func unknownEntityListsCandidatesAndExitsOne() throws {
        let result = try Outpost.run("show", mini, "shelby")
        #expect(result.status == 1)
        #expect(result.stderr.contains("station-shelbyville"))
        #expect(result.stderr.contains("shelbyville-council"))
        #expect(result.stdout.isEmpty, "no partial output on error")
    }

    @Test func findMatchesNamesAndAliases() throws {
        let result = try Outpost.run("find", mini, "shelbyville", "--format", "csv")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "id,kind,name,country,city,matched")
        #expect(lines.count == 3)
    }

    @Test func missingPathAndBadOptions() throws {
        let missing = try Outpost.run("stats", "no/such/path")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no/such/path: no such file or folder"))
        let badStatus = try Outpost.run("stats", mini, "--min-status", "rumoured")
        #expect(badStatus.status == 64)
        #expect(badStatus.stderr.contains("confirmed"))
    }
}
