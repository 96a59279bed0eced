import Foundation
import OutpostTestSupport
import Testing

@Suite struct AnalyticsCommandTests {
    @Test func centralityJSONHasTheDocumentedShapeAndOrder() throws {
        let result = try Outpost.run("centrality", "Tests/Fixtures/graphs/karate.graphml", "--measure", "betweenness", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("{\"measure\": \"betweenness\", \"nodes\": [{\"id\": \"0\", \"name\": \"0\", \"score\": 0.43763528138528"))
        let json = try #require(try Outpost.json(result.stdout) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.count == 34)
        let scores = nodes.map { $0["score"] as! Double }
        #expect(scores == scores.sorted(by: >))
        // Ties (many karate nodes have betweenness 0) are ordered by id ascending.
        let zeros = nodes.filter { ($0["score"] as! Double) == 0 }.map { $0["id"] as! String }
        #expect(zeros == zeros.sorted() && zeros.count > 1)
    }

    @Test func noProgressLineWhenStandardErrorIsNotATerminal() throws {
        // The tests read stderr through a pipe, as a script would: no progress, nothing redrawn.
        for measure in ["betweenness", "closeness", "harmonic"] {
            let result = try Outpost.run("centrality", "Tests/Fixtures/graphs/karate.csv", "--measure", measure, "--top", "1")
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty, "\(measure): \(result.stderr)")
        }
    }

    @Test func tablesShowSixSignificantDigitsOfSmallScores() throws {
        // A star of 400 leaves: each leaf's PageRank is about 0.0004; six decimals alone
        // would leave three digits of it.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("star-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try ("source,target\n" + (1...400).map { "hub,leaf\($0)\n" }.joined()).write(to: file, atomically: true, encoding: .utf8)
        let json = try #require(try Outpost.json(try Outpost.run("centrality", file.path, "--measure", "pagerank", "--format", "json").stdout) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        let exact = Dictionary(uniqueKeysWithValues: nodes.map { ($0["id"] as! String, $0["score"] as! Double) })
        let table = try Outpost.run("centrality", file.path, "--measure", "pagerank")
        var checked = 0
        for line in table.stdout.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 4, let id = fields.dropFirst().first.map(String.init), let expected = exact[id],
                  let shown = Double(fields[3]) else { continue }
            #expect(abs(shown - expected) <= 5e-6 * expected, "\(id): table \(fields[3]), exact \(expected)")
            checked += 1
        }
        #expect(checked == 401)
    }

    @Test func topAndRawAndPersonalize() throws {
        let top = try Outpost.run("centrality", "Tests/Fixtures/graphs/karate.csv", "--measure", "degree", "--raw", "--top", "2", "--format", "csv")
        #expect(top.stdout == "rank,id,name,score\n1,33,33,17\n2,0,0,16\n")
        let personal = try Outpost.run("centrality", "Tests/Fixtures/graphs/karate.csv", "--measure", "pagerank", "--personalize", "5", "--top", "1", "--format", "csv")
        #expect(personal.stdout.contains("1,5,5,"))
        let unknown = try Outpost.run("centrality", "Tests/Fixtures/graphs/karate.csv", "--measure", "pagerank", "--personalize", "99")
        #expect(unknown.status != 0 && unknown.stderr.contains("no node has the id '99'"))
        let bad = try Outpost.run("centrality", "Tests/Fixtures/graphs/karate.csv", "--measure", "harmonic", "--raw")
        #expect(bad.status == 64 && bad.stderr.contains("no unnormalised variant"))
    }

    @Test func weightedCentralityUsesTheAttribute() throws {
        let plain = try Outpost.run("centrality", "Tests/Fixtures/graphs/karate.csv", "--measure", "closeness", "--top", "1", "--format", "csv")
        let weighted = try Outpost.run("centrality", "Tests/Fixtures/graphs/karate.csv", "--measure", "closeness", "--weight", "weight", "--top", "1", "--format", "csv")
        #expect(plain.stdout != weighted.stdout)
        let missing = try Outpost.run("centrality", "Tests/Fixtures/graphs/karate.csv", "--measure", "closeness", "--weight", "cost")
        #expect(missing.status != 0 && missing.stderr.contains("no attribute 'cost'"))
    }

    @Test func centralityOnTheDatasetHonoursFilters() throws {
        let all = try Outpost.run("centrality", "Tests/Data/mini", "--measure", "degree", "--raw", "--layer", "all", "--format", "csv")
        #expect(all.stdout.contains("station-shelbyville,Shelbyville service station,2"))
        let confirmed = try Outpost.run("centrality", "Tests/Data/mini", "--measure", "degree", "--raw", "--layer", "all", "--min-status", "confirmed", "--format", "csv")
        #expect(confirmed.stdout.contains("station-shelbyville,Shelbyville service station,1"))
        #expect(confirmed.stdout.contains("springfield-psb,Springfield Public Security Bureau,0"))
    }

    @Test func analysesCountOnlyTheNetworkLayerUnlessAsked() throws {
        // Mini: established (network), investigated (responses), denied (denials).
        let network = try Outpost.run("centrality", "Tests/Data/mini", "--measure", "degree", "--raw", "--format", "csv")
        #expect(network.stdout.contains("station-shelbyville,Shelbyville service station,1"))
        #expect(network.stdout.contains("shelbyville-council,Shelbyville city council,0"))
        let text = try Outpost.run("centrality", "Tests/Data/mini", "--measure", "degree", "--raw")
        #expect(text.stdout.hasPrefix("Filter: layer: network"), "the table names the layer it counted")
        let json = try #require(try Outpost.json(try Outpost.run("centrality", "Tests/Data/mini", "--measure", "degree",
                                                                  "--layer", "network", "--layer", "responses", "--format", "json").stdout) as? [String: Any])
        #expect(json["layers"] as? [String] == ["network", "responses"])
        #expect(json["filter"] as? String == "layers: network + responses")
        for command in [["communities"], ["structure"], ["project", "--onto", "public-security-bureau", "--via", "police-station"]] {
            let answer = try #require(try Outpost.json(try Outpost.run([command[0], "Tests/Data/mini"] + command.dropFirst() + ["--format", "json"]).stdout) as? [String: Any])
            #expect(answer["layers"] as? [String] == ["network"], "\(command[0]) names the layers it counted")
            #expect(answer["filter"] as? String == "layer: network")
            let table = try Outpost.run([command[0], "Tests/Data/mini"] + command.dropFirst())
            #expect(table.stdout.hasPrefix("Filter: layer: network\n"), "\(command[0]): \(table.stdout)")
        }
        let responses = try Outpost.run("centrality", "Tests/Data/mini", "--measure", "degree", "--raw", "--layer", "responses", "--format", "csv")
        #expect(responses.stdout.contains("shelbyville-council,Shelbyville city council,1"))
        let typo = try Outpost.run("centrality", "Tests/Data/mini", "--measure", "degree", "--layer", "netwrok")
        #expect(typo.status == 64 && typo.stderr.contains("unknown layer 'netwrok'; valid layers: network, responses, claims, denials, all"))
        let plain = try Outpost.run("centrality", "Tests/Fixtures/graphs/karate.csv", "--measure", "degree", "--layer", "all")
        #expect(plain.status == 64 && plain.stderr.contains("apply to datasets"))
    }

    @Test func structureJSONNamesEachPart() throws {
        let result = try Outpost.run("structure", "Tests/Fixtures/graphs/karate.graphml", "--format", "json")
        let json = try #require(try Outpost.json(result.stdout) as? [String: Any])
        #expect(json["articulation_points"] as? [String] == ["0"])
        #expect((json["bridges"] as? [[String]])?.count == 1)
        #expect(json["diameter_largest_component"] as? Int == 5)
        #expect(abs((json["average_clustering"] as? Double ?? 0) - 0.5706384782076823) < 1e-12)
        let directed = try #require(try Outpost.json(try Outpost.run("structure", "Tests/Fixtures/graphs/directed.graphml", "--format", "json").stdout) as? [String: Any])
        #expect((directed["strongly_connected_components"] as? [[String]])?.first == ["d", "e", "f", "g"])
    }
}
