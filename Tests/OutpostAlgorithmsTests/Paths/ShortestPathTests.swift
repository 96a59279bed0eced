import Foundation
import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// Shortest path lengths (hops and Dijkstra) against NetworkX's `shortest_path_length`.
@Suite struct ShortestPathTests {
    @Test(arguments: PathFixtures.graphs)
    func hopLengthsMatchNetworkX(_ name: String) throws {
        let (index, expected) = try ComponentsTests.load(name)
        for entry in try PathFixtures.entries(expected, "shortest_path_length") {
            let s = try PathFixtures.node(index, entry["source"]), t = try PathFixtures.node(index, entry["target"])
            let path = try index.shortestPath(from: s, to: t)
            if let length = entry["length"] as? Int {
                let found = try #require(path, "\(name): \(index.ids[s]) → \(index.ids[t]) should have a path")
                #expect(found.length == length && found.cost == Double(length), "\(name): \(index.ids[s]) → \(index.ids[t])")
                #expect(found.nodes.first == s && found.nodes.last == t && index.isSimplePath(found.nodes))
            } else {
                #expect(path == nil, "\(name): NetworkX finds no path \(index.ids[s]) → \(index.ids[t])")
            }
        }
    }

    @Test(arguments: PathFixtures.weighted)
    func weightedLengthsMatchNetworkX(_ name: String) throws {
        let (index, expected) = try ComponentsTests.load(name)
        for entry in try PathFixtures.entries(expected, "weighted_shortest_path_length") {
            let s = try PathFixtures.node(index, entry["source"]), t = try PathFixtures.node(index, entry["target"])
            let reference = try #require(entry["length"] as? Double)
            let found = try #require(try index.shortestPath(from: s, to: t, weighted: true))
            #expect(abs(found.cost - reference) <= 1e-9 * max(1, reference), "\(name): \(index.ids[s]) → \(index.ids[t])")
            #expect(index.isSimplePath(found.nodes) && found.nodes.first == s && found.nodes.last == t)
        }
    }

    /// In `weighted`, the cheapest C–B route (C–A–B, 1.5) has more hops than the direct edge (2.25).
    @Test func weightsChangeTheRoute() throws {
        let (index, _) = try ComponentsTests.load("weighted")
        let c = index.index(of: "C")!, b = index.index(of: "B")!
        #expect(try index.shortestPath(from: c, to: b)?.nodes.map { index.ids[$0] } == ["C", "B"])
        #expect(try index.shortestPath(from: c, to: b, weighted: true)?.nodes.map { index.ids[$0] } == ["C", "A", "B"])
    }

    @Test func avoidingNodesAndHubsMatchesBruteForce() throws {
        let (index, _) = try ComponentsTests.load("florentine")
        let medici = index.index(of: "Medici")!
        for (s, t) in [("Acciaiuoli", "Strozzi"), ("Salviati", "Lamberteschi"), ("Pazzi", "Peruzzi")] {
            let source = index.index(of: s)!, target = index.index(of: t)!
            let avoid = PathConstraints(avoiding: [medici])
            let bruteAvoid = PathFixtures.allSimplePaths(index, from: source, to: target, weighted: false) { $0 != medici }
            let found = try index.shortestPath(from: source, to: target, avoiding: avoid)
            #expect(found?.cost == bruteAvoid.first?.cost, "\(s) → \(t) avoiding the Medici")
            #expect(found.map { !$0.nodes.dropFirst().dropLast().contains(medici) } ?? true)
            let hubs = PathConstraints(maximumDegree: 3)
            let bruteHubs = PathFixtures.allSimplePaths(index, from: source, to: target, weighted: false) { index.degree(of: $0) <= 3 }
            let small = try index.shortestPath(from: source, to: target, avoiding: hubs)
            #expect(small?.cost == bruteHubs.first?.cost, "\(s) → \(t) through nodes of degree ≤ 3")
            #expect(small.map { $0.nodes.dropFirst().dropLast().allSatisfy { index.degree(of: $0) <= 3 } } ?? true)
        }
        // Acciaiuoli's only neighbour is the Medici: avoiding them leaves no path at all.
        #expect(try index.shortestPath(from: index.index(of: "Acciaiuoli")!, to: index.index(of: "Strozzi")!,
                                       avoiding: PathConstraints(avoiding: [medici])) == nil)
    }

    @Test func negativeWeightsAreRefused() throws {
        var graph = Graph(directed: false)
        graph.addNode("a"); graph.addNode("b")
        graph.addEdge(0, 1, weight: -1)
        let index = GraphIndex(graph)
        #expect(throws: AlgorithmError.self) { try index.shortestPath(from: 0, to: 1, weighted: true) }
        #expect(try index.shortestPath(from: 0, to: 1)?.length == 1, "hop counts ignore weights")
    }
}
