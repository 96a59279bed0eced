import Foundation
import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// `allShortestPaths` against NetworkX's `all_shortest_paths`, compared as sets.
@Suite struct AllShortestPathsTests {
    @Test(arguments: PathFixtures.graphs)
    func pathSetsMatchNetworkX(_ name: String) throws {
        let (index, expected) = try ComponentsTests.load(name)
        for entry in try PathFixtures.entries(expected, "all_shortest_paths") {
            let s = try PathFixtures.node(index, entry["source"]), t = try PathFixtures.node(index, entry["target"])
            let reference = try #require(entry["paths"] as? [[String]])
            let ours = try index.allShortestPaths(from: s, to: t)
            #expect(ours.count == reference.count, "\(name): \(index.ids[s]) → \(index.ids[t])")
            #expect(Set(ours.map { $0.nodes.map { index.ids[$0] } }) == Set(reference), "\(name): \(index.ids[s]) → \(index.ids[t])")
        }
    }

    @Test(arguments: PathFixtures.weighted)
    func weightedPathsAreTheCheapestSimplePaths(_ name: String) throws {
        let (index, expected) = try ComponentsTests.load(name)
        for entry in try PathFixtures.entries(expected, "weighted_shortest_path_length") {
            let s = try PathFixtures.node(index, entry["source"]), t = try PathFixtures.node(index, entry["target"])
            let reference = try #require(entry["length"] as? Double)
            let ours = try index.allShortestPaths(from: s, to: t, weighted: true)
            try #require(!ours.isEmpty)
            for path in ours {
                #expect(path.cost == reference && index.isSimplePath(path.nodes), "\(name): \(path.nodes.map { index.ids[$0] })")
            }
            #expect(Set(ours.map(\.nodes)).count == ours.count)
        }
    }

    /// `weighted` has ties on purpose: every cheapest path from the brute force must be listed.
    @Test func weightedTiesAreAllFound() throws {
        let (index, _) = try ComponentsTests.load("weighted")
        var sawTie = false
        for s in 0..<index.nodeCount {
            for t in 0..<index.nodeCount where s != t {
                let brute = PathFixtures.allSimplePaths(index, from: s, to: t, weighted: true)
                let cheapest = brute.filter { $0.cost == brute[0].cost }
                let ours = try index.allShortestPaths(from: s, to: t, weighted: true)
                #expect(Set(ours.map(\.nodes)) == Set(cheapest.map(\.nodes)), "\(index.ids[s]) → \(index.ids[t])")
                if cheapest.count > 1 { sawTie = true }
            }
        }
        #expect(sawTie, "the fixture should contain tied weighted routes")
    }

    @Test func limitStopsEarly() throws {
        let (index, _) = try ComponentsTests.load("davis")
        let s = index.index(of: "E14")!, t = index.index(of: "E10")!
        let all = try index.allShortestPaths(from: s, to: t)
        try #require(all.count == 3, "NetworkX lists three E14–E10 paths")
        #expect(try index.allShortestPaths(from: s, to: t, limit: 2).count == 2)
    }
}
