import Foundation
import OutpostTestSupport
import Testing

/// `outpost path`, `ego` and `project`, run as a user runs them, on Tests/Data/mini (a bureau
/// that established — and denied — a station, and a council that investigated it) and on
/// NetworkX fixtures.
@Suite struct PathCommandTests {
    let mini = "Tests/Data/mini"

    @Test func jsonHasExactlyTheDocumentedShape() throws {
        let result = try Outpost.run("path", mini, "springfield-psb", "Shelbyville city council", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let expected = """
        {"paths": [{"length": 2, "cost": 2.0, "nodes": ["springfield-psb", "station-shelbyville", "shelbyville-council"], \
        "hops": [{"from": "springfield-psb", "to": "station-shelbyville", "relation": "established", "status": "reported", "layer": "network", "sources": ["example-daily"]}, \
        {"from": "springfield-psb", "to": "station-shelbyville", "relation": "denied", "status": "reported", "layer": "denials", "sources": ["example-daily"]}, \
        {"from": "station-shelbyville", "to": "shelbyville-council", "relation": "investigated", "status": "confirmed", "layer": "responses", "sources": ["example-daily"]}]}]}
        """
        #expect(result.stdout == expected + "\n")
    }

    @Test func tableNamesEveryRelationOnAHopWithDirectionStatusAndDates() throws {
        let result = try Outpost.run("path", mini, "shelbyville-council", "springfield-psb")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // Walking council → station → bureau: investigated is stored council → station,
        // established and denied are stored bureau → station, so they point back.
        #expect(lines.contains { $0.contains("→ investigated") && $0.contains("confirmed") && $0.contains("on 2022-04") && $0.contains("by shelbyville-council") })
        #expect(lines.contains { $0.contains("← established") && $0.contains("reported") && $0.contains("since 2022-03") })
        #expect(lines.contains { $0.contains("← denied") && $0.contains("reported") })
        #expect(!result.stdout.contains("A spokesperson"), "excerpts only with --explain")
    }

    @Test func explainPrintsTheCitations() throws {
        let result = try Outpost.run("path", mini, "springfield-psb", "shelbyville-council", "--explain")
        #expect(result.status == 0)
        #expect(result.stdout.contains("The Shelbyville city council said it had investigated the station."))
        #expect(result.stdout.contains("A spokesperson for the bureau denied that the station did police work."))
        #expect(result.stdout.contains("example-daily · The Example Daily · 2022-04"))
    }

    @Test func noPathSaysWhetherLiftingTheFiltersHelps() throws {
        let result = try Outpost.run("path", mini, "springfield-psb", "shelbyville-council", "--min-status", "confirmed")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no path from springfield-psb to shelbyville-council (filters: all layers; confirmed only)"))
        #expect(result.stderr.contains("with the filters lifted there is a path of 2 hops: springfield-psb → station-shelbyville → shelbyville-council"))
    }

    @Test func avoidAndMaxDegreeBlockTheOnlyRoute() throws {
        let avoided = try Outpost.run("path", mini, "springfield-psb", "shelbyville-council", "--avoid", "Shelbyville service station")
        #expect(avoided.status == 1)
        #expect(avoided.stderr.contains("avoiding station-shelbyville"))
        #expect(avoided.stderr.contains("with --avoid lifted there is a path of 2 hops"))
        let hubs = try Outpost.run("path", mini, "springfield-psb", "shelbyville-council", "--max-degree", "1")
        #expect(hubs.status == 1)
        #expect(hubs.stderr.contains("max degree 1") && hubs.stderr.contains("with --max-degree lifted"))
        let allowed = try Outpost.run("path", mini, "springfield-psb", "shelbyville-council", "--max-degree", "2")
        #expect(allowed.status == 0, "the station has two neighbours")
        let endpoint = try Outpost.run("path", mini, "springfield-psb", "shelbyville-council", "--avoid", "springfield-psb")
        #expect(endpoint.status == 64)
    }

    @Test func directedFollowsStoredDirection() throws {
        let result = try Outpost.run("path", mini, "springfield-psb", "shelbyville-council", "--directed")
        #expect(result.status == 1)
        #expect(result.stderr.contains("following relations in their stated direction"))
        #expect(result.stderr.contains("ignoring direction"))
        let forward = try Outpost.run("path", mini, "shelbyville-council", "station-shelbyville", "--directed", "--format", "json")
        #expect(forward.status == 0)
    }

    @Test func unknownEntityListsCandidates() throws {
        let result = try Outpost.run("path", mini, "shelby", "springfield-psb")
        #expect(result.status == 1)
        #expect(result.stderr.contains("station-shelbyville") && result.stderr.contains("shelbyville-council"))
        #expect(result.stdout.isEmpty)
    }

    @Test func statusWeightPrefersConfirmedLinks() throws {
        let result = try Outpost.run("path", mini, "springfield-psb", "shelbyville-council", "--weight", "status", "--format", "json")
        let json = try #require(try Outpost.json(result.stdout) as? [String: Any])
        let path = try #require((json["paths"] as? [[String: Any]])?.first)
        #expect(path["cost"] as? Double == 3, "reported (2) + confirmed (1)")
        let bad = try Outpost.run("path", mini, "springfield-psb", "shelbyville-council", "--weight", "weight")
        #expect(bad.status == 64 && bad.stderr.contains("--weight status"))
    }

    /// Plain graphs: Dijkstra on `weighted` and Yen's list agree with NetworkX's fixture.
    @Test func plainGraphWeightsAndK() throws {
        let graph = "Tests/Fixtures/graphs/weighted.graphml"
        let fixture = try #require(try Outpost.json(String(contentsOfFile: Outpost.path("Tests/Fixtures/expected/weighted.json"), encoding: .utf8)) as? [String: Any])
        let entry = try #require((fixture["shortest_simple_paths_weighted"] as? [[String: Any]])?.first)
        let (s, t) = (entry["source"] as! String, entry["target"] as! String)
        let result = try Outpost.run("path", graph, s, t, "--weight", "weight", "--k", "5", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let paths = try #require((try Outpost.json(result.stdout) as? [String: Any])?["paths"] as? [[String: Any]])
        #expect(paths.compactMap { $0["cost"] as? Double } == entry["costs"] as? [Double])
        #expect(paths.first?["nodes"] as? [String] == (entry["paths"] as? [[String]])?.first)
        let hop = try #require((paths.first?["hops"] as? [[String: Any]])?.first)
        #expect(hop["relation"] is NSNull && (hop["sources"] as? [Any])?.isEmpty == true)
        let all = try Outpost.run("path", "Tests/Fixtures/graphs/davis.graphml", "E14", "E10", "--all", "--format", "json")
        let allPaths = try #require((try Outpost.json(all.stdout) as? [String: Any])?["paths"] as? [[String: Any]])
        #expect(allPaths.count == 3, "NetworkX lists three shortest E14–E10 paths")
        let unknown = try Outpost.run("path", graph, "A", "Z")
        #expect(unknown.status == 1 && unknown.stderr.contains("no node has the id 'Z'"))
    }

    @Test func egoTableAndGraphRoundTrip() throws {
        let table = try Outpost.run("ego", mini, "station-shelbyville", "--format", "csv")
        #expect(table.status == 0)
        #expect(table.stdout == """
        id,name,kind,distance
        station-shelbyville,Shelbyville service station,police-station,0
        springfield-psb,Springfield Public Security Bureau,public-security-bureau,1
        shelbyville-council,Shelbyville city council,government-body,1

        """)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-ego-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let graphml = dir.appendingPathComponent("ego.graphml").path
        let written = try Outpost.run("ego", mini, "springfield-psb", "--radius", "0", "-o", graphml)
        #expect(written.status == 0, "\(written.stderr)")
        let lone = try Outpost.run("ego", graphml, "springfield-psb", "--format", "csv")
        #expect(lone.stdout.split(separator: "\n").count == 2, "radius 0 keeps only the centre")
        let wide = try Outpost.run("ego", mini, "springfield-psb", "--radius", "2", "-o", graphml)
        #expect(wide.status == 0)
        let again = try Outpost.run("ego", graphml, "springfield-psb", "--radius", "2", "--format", "csv")
        #expect(again.stdout.contains("shelbyville-council,Shelbyville city council,government-body,2"), "names and kinds survive")
        let back = try Outpost.run("path", graphml, "springfield-psb", "shelbyville-council", "--format", "json")
        let hops = try #require(((try Outpost.json(back.stdout) as? [String: Any])?["paths"] as? [[String: Any]])?.first?["hops"] as? [[String: Any]])
        #expect(hops.last?["relation"] as? String == "investigated" && hops.last?["status"] as? String == "confirmed")
        let csv = dir.appendingPathComponent("ego.csv").path
        #expect(try Outpost.run("ego", mini, "springfield-psb", "--radius", "2", "-o", csv).status == 0)
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(text.hasPrefix("source,target,layer,relation,sources,status\n"))
        #expect(text.split(separator: "\n").count == 4, "three relations, parallel ones kept")
        let stats = try Outpost.run("stats", csv, "--format", "json")
        #expect(stats.stdout.contains("\"value\": 3"))
    }

    @Test func projectLinksEntitiesBySharedNeighbours() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("p.graphml").path
        let result = try Outpost.run("project", mini, "--onto", "public-security-bureau", "government-body", "--via", "police-station",
                                     "--layer", "all", "-o", file, "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let answer = try #require(try Outpost.json(result.stdout) as? [String: Any])
        #expect(answer["filter"] as? String == "all layers", "the answer names what it counted")
        let rows = try #require(answer["pairs"] as? [[String: Any]])
        // The bureau has two relations with the station; it is still one shared neighbour.
        #expect(rows.count == 1)
        #expect(rows.first?["a"] as? String == "springfield-psb" && rows.first?["b"] as? String == "shelbyville-council")
        #expect(rows.first?["weight"] as? Int == 1 && rows.first?["shared"] as? String == "station-shelbyville")
        let xml = try String(contentsOfFile: file, encoding: .utf8)
        #expect(xml.contains("attr.name=\"weight\"") == false, "weight 1 is the default and left out")
        #expect(xml.contains("<edge source=\"springfield-psb\" target=\"shelbyville-council\">"))
        let none = try Outpost.run("project", mini, "--onto", "public-security-bureau", "government-body", "--via", "person")
        #expect(none.status == 0 && none.stdout.contains("0 pairs among 2"))
    }

    /// The CLI's projection of davis onto the events equals NetworkX's, weights included.
    @Test func projectDavisMatchesNetworkX() throws {
        let result = try Outpost.run("project", "Tests/Fixtures/graphs/davis.graphml", "--onto-attribute", "bipartite=1", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try Outpost.json(result.stdout) as? [[String: Any]])
        let fixture = try #require(try Outpost.json(String(contentsOfFile: Outpost.path("Tests/Fixtures/expected/davis.json"), encoding: .utf8)) as? [String: Any])
        let reference = try #require((fixture["bipartite_projection_events"] as? [String: Any])?["edges"] as? [[Any]])
        let ours = Set(rows.map { row -> String in
            let pair = [row["a"] as! String, row["b"] as! String].sorted()
            return "\(pair[0])|\(pair[1])|\(row["weight"] as! Int)"
        })
        #expect(rows.count == reference.count)
        #expect(ours == Set(reference.map { "\($0[0] as! String)|\($0[1] as! String)|\($0[2] as! Int)" }))
        let wrong = try Outpost.run("project", "Tests/Fixtures/graphs/davis.graphml", "--onto", "person")
        #expect(wrong.status == 64)
    }
}
