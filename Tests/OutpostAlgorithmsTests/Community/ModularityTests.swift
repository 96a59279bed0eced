import Foundation
import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// Modularity against NetworkX's `nx.community.modularity` (fixture `modularity_checks`).
@Suite struct ModularityTests {
    @Test(arguments: ["karate", "florentine", "lesmis", "davis", "weighted", "components", "gnp-50", "ba-200",
                      "directed", "gnp-directed-40"])
    func modularityMatchesNetworkX(_ name: String) throws {
        let (index, expected) = try CommunityFixtures.load(name)
        let checks = try #require(expected["modularity_checks"] as? [[String: Any]])
        #expect(checks.count >= 9)
        for check in checks {
            let ids = try #require(check["partition"] as? [[String]])
            let resolution = try #require(check["resolution"] as? Double)
            let weighted = try #require(check["weighted"] as? Bool)
            let reference = try #require(check["modularity"] as? Double)
            let communities = CommunityFixtures.indices(ids, in: index)
            let q = index.modularity(of: communities, resolution: resolution, weighted: weighted)
            #expect(abs(q - reference) <= 1e-12, "\(name) \(check["label"] ?? "") γ=\(resolution) weighted=\(weighted): \(q) vs \(reference)")
            // The label form gives the same value.
            var labels = [Int32](repeating: 0, count: index.nodeCount)
            for (c, members) in communities.enumerated() { for v in members { labels[v] = Int32(c * 7 + 3) } }
            #expect(abs(index.modularity(of: labels, resolution: resolution, weighted: weighted) - reference) <= 1e-12)
        }
    }

    @Test func selfLoopsCountAsNetworkXCountsThem() {
        // nx.Graph([(0,0),(0,1),(1,2),(2,3)]) with partition {0,1},{2,3}: 0.21875 (NetworkX 3.6.1).
        var graph = Graph(directed: false)
        for id in ["0", "1", "2", "3"] { _ = graph.addNode(id) }
        for (u, v) in [(0, 0), (0, 1), (1, 2), (2, 3)] { graph.addEdge(u, v) }
        let index = GraphIndex(graph)
        #expect(abs(index.modularity(of: [0, 0, 1, 1], weighted: false) - 0.21875) < 1e-15)
        // nx.DiGraph([(0,0),(0,1),(1,2),(2,3),(3,0)]), same partition: 0.08 (NetworkX 3.6.1).
        var directed = Graph(directed: true)
        for id in ["0", "1", "2", "3"] { _ = directed.addNode(id) }
        for (u, v) in [(0, 0), (0, 1), (1, 2), (2, 3), (3, 0)] { directed.addEdge(u, v) }
        #expect(abs(GraphIndex(directed).modularity(of: [0, 0, 1, 1], weighted: false) - 0.08) < 1e-12)
    }

    @Test func partitionNumbersCommunitiesLargestFirst() {
        let partition = Partition(labels: [5, 9, 5, 2, 9, 9], modularity: 0)
        #expect(partition.communities == [[1, 4, 5], [0, 2], [3]])
        #expect(partition.labels == [1, 0, 1, 2, 0, 0])
        #expect(partition.count == 3)
    }
}

/// Leiden renumbers its graph for locality; a renumbering must not change what it measures.
@Suite struct ModularityGraphRenumberingTests {
    @Test(arguments: ["karate", "directed", "weighted"])
    func qualityIsTheSameUnderAnyNumbering(_ name: String) throws {
        let (index, _) = try CommunityFixtures.load(name)
        let graph = ModularityGraph(index, weighted: true)
        let partition = try index.louvainCommunities(seed: 1)
        let labels = partition.labels
        // Reverse the nodes within each community, communities in label order.
        let grouping = Renumbering(grouping: labels, count: partition.count)
        let reversed = Renumbering(order: grouping.originalIndex.reversed())
        let renumbered = graph.renumbered(by: reversed)
        let before = graph.quality(of: labels, count: partition.count, resolution: 1)
        let after = renumbered.quality(of: reversed.applied(to: labels), count: partition.count, resolution: 1)
        #expect(Swift.abs(before - after) < 1e-12)
        #expect(Swift.abs(before - partition.modularity) < 1e-9)
        #expect(renumbered.targets.count == graph.targets.count)
        #expect(reversed.restoringOriginalOrder(reversed.applied(to: labels)) == labels)
    }
}
