import Foundation
import OutpostTestSupport
import Testing

/// `outpost communities`, run as a user runs it.
@Suite struct CommunitiesCommandTests {
    let karate = "Tests/Fixtures/graphs/karate.graphml"

    func expected(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Outpost.path("Tests/Fixtures/expected/\(name).json")))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The documented order: communities by size descending, ties by first member id; members by id.
    func ordered(_ communities: [[String]]) -> [[String]] {
        communities.map { $0.sorted() }.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    }

    @Test func labelPropagationJSONIsExactlyTheDocumentedShape() throws {
        // Label propagation is deterministic, so the whole output is known from NetworkX.
        let reference = try #require(try expected("karate")["label_propagation"] as? [String: Any])
        let communities = ordered(try #require(reference["communities"] as? [[String]]))
        let q = try #require(reference["modularity"] as? Double)
        let result = try Outpost.run("communities", karate, "--algorithm", "label-propagation", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let body = communities.enumerated().map { id, members in
            "{\"id\": \(id), \"members\": [" + members.map { "\"\($0)\"" }.joined(separator: ", ") + "]}"
        }.joined(separator: ", ")
        // The number as printed (Foundation's JSON parser rounds the last digit).
        let printed = try #require(result.stdout.split(separator: ",").dropFirst().first?.split(separator: " ").last.map(String.init))
        #expect(abs(try #require(Double(printed)) - q) < 1e-12)
        #expect(result.stdout == "{\"algorithm\": \"label-propagation\", \"modularity\": \(printed), \"communities\": [\(body)]}\n")
    }

    @Test(arguments: ["louvain", "leiden"])
    func louvainAndLeidenJSONCoverEveryNodeInOrder(_ algorithm: String) throws {
        let result = try Outpost.run("communities", karate, "--algorithm", algorithm, "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("{\"algorithm\": \"\(algorithm)\", \"modularity\": "))
        let json = try #require(try Outpost.json(result.stdout) as? [String: Any])
        #expect(json.keys.sorted() == ["algorithm", "communities", "modularity"])
        let rows = try #require(json["communities"] as? [[String: Any]])
        #expect(rows.allSatisfy { $0.keys.sorted() == ["id", "members"] })
        #expect(rows.enumerated().allSatisfy { $0.element["id"] as? Int == $0.offset })
        let members = rows.compactMap { $0["members"] as? [String] }
        #expect(members == ordered(members))
        #expect(members.flatMap { $0 }.sorted() == (0..<34).map(String.init).sorted())
        // Karate is weighted: igraph's best Leiden reaches 0.4449 with its weights.
        let q = try #require(json["modularity"] as? Double)
        #expect(q > 0.40 && q < 0.4449036)
    }

    @Test func csvListsEveryNodeWithItsCommunity() throws {
        let result = try Outpost.run("communities", "Tests/Fixtures/graphs/florentine.graphml", "--format", "csv")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "community,node_id,name")
        #expect(lines.count == 1 + 15)
        #expect(lines.contains("0,Medici,Medici") || lines.dropFirst().contains { $0.hasSuffix(",Medici,Medici") })
        let communities = lines.dropFirst().map { Int($0.split(separator: ",")[0])! }
        #expect(communities == communities.sorted())
    }

    @Test func tableShowsModularityAndOneRowPerCommunity() throws {
        let arguments = ["communities", karate, "--algorithm", "louvain", "--seed", "3"]
        let result = try Outpost.run(arguments)
        #expect(result.status == 0)
        let json = try #require(try Outpost.json(try Outpost.run(arguments + ["--format", "json"]).stdout) as? [String: Any])
        let communities = try #require(json["communities"] as? [[String: Any]])
        let q = try #require(json["modularity"] as? Double)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "\(communities.count) communities by louvain (resolution 1, seed 3); modularity \(String(format: "%.6f", q))")
        let rows = lines.filter { $0.hasPrefix("   ") }
        #expect(rows.count == communities.count)
        let firstSize = (communities[0]["members"] as? [String])?.count ?? 0
        #expect(rows.first?.hasPrefix("   0    \(firstSize)  ") == true, "\(rows)")
    }

    @Test func everyOptionChangesTheOutput() throws {
        let lesmis = "Tests/Fixtures/graphs/lesmis.graphml"
        func json(_ extra: String...) throws -> String {
            try Outpost.run(["communities", lesmis, "--format", "json"] + extra).stdout
        }
        let base = try json()
        #expect(base.hasPrefix("{\"algorithm\": \"leiden\""))
        #expect(try json("--algorithm", "louvain") != base)
        #expect(try json("--resolution", "2") != base)
        #expect(try json("--weight", "none") != base)
        let ba = "Tests/Fixtures/graphs/ba-200.graphml"
        let seeds = try (1...3).map { try Outpost.run("communities", ba, "--seed", String($0), "--format", "json").stdout }
        #expect(Set(seeds).count > 1)
        #expect(try Outpost.run("communities", ba, "--seed", "2", "--format", "json").stdout == seeds[1], "same seed, same output")
    }

    @Test func weightAttributeAndErrors() throws {
        // `--weight weight` is the default; an attribute that no edge has is the input's problem.
        let weighted = "Tests/Fixtures/graphs/weighted.graphml"
        #expect(try Outpost.run("communities", weighted, "--weight", "weight", "--format", "json").stdout
                == Outpost.run("communities", weighted, "--format", "json").stdout)
        let missing = try Outpost.run("communities", weighted, "--weight", "strength")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no edge has an attribute 'strength'"))
        #expect(try Outpost.run("communities", weighted, "--resolution", "0").status == 64)
        #expect(try Outpost.run("communities", weighted, "--algorithm", "spectral").status == 64)
    }

    @Test func datasetsRunOnTheFilteredUndirectedGraph() throws {
        let result = try Outpost.run("communities", "Tests/Data/mini", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try Outpost.json(result.stdout) as? [String: Any])
        let members = (json["communities"] as? [[String: Any]] ?? []).compactMap { $0["members"] as? [String] }.flatMap { $0 }
        #expect(members.contains("springfield-psb"))
        #expect(try Outpost.run("communities", "Tests/Data/mini", "--weight", "count").status == 64)
    }
}

@Suite struct LeidenIterationsCommandTests {
    @Test func iterationsBoundLeidenAndAreCheckedAtTheCommandLine() throws {
        let full = try Outpost.run("communities", "Tests/Fixtures/graphs/lesmis.graphml", "--algorithm", "leiden", "--format", "json")
        let one = try Outpost.run("communities", "Tests/Fixtures/graphs/lesmis.graphml", "--algorithm", "leiden", "--iterations", "1", "--format", "json")
        #expect(full.status == 0 && one.status == 0)
        let fullQ = try #require((try Outpost.json(full.stdout) as? [String: Any])?["modularity"] as? Double)
        let oneQ = try #require((try Outpost.json(one.stdout) as? [String: Any])?["modularity"] as? Double)
        #expect(fullQ >= oneQ - 1e-12, "running to stability never loses modularity")
        let bad = try Outpost.run("communities", "Tests/Fixtures/graphs/lesmis.graphml", "--algorithm", "louvain", "--iterations", "2")
        #expect(bad.status == 64)
    }
}
