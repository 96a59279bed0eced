import Foundation
import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// Louvain against igraph's best Leiden modularity (fixture `igraph_leiden_modularity`, best of
/// ten seeds) and against NetworkX's own Louvain.
@Suite struct LouvainTests {
    /// igraph's value is the best of ten seeds, so ours is too: seeds 0–9.
    @Test(arguments: ["karate", "florentine", "lesmis", "davis", "weighted", "components"])
    func louvainReachesIgraphModularity(_ name: String) throws {
        let (index, expected) = try CommunityFixtures.load(name)
        let weighted = try #require(expected["weighted"] as? Bool)
        let reference = try #require(expected["igraph_leiden_modularity"] as? Double)
        let runs = try (0..<10).map { try index.louvainCommunities(resolution: 1, seed: UInt64($0), weighted: weighted) }
        let best = runs.map(\.modularity).max()!
        #expect(best >= reference - 0.005, "\(name): \(best) vs igraph \(reference)")
        for partition in runs {
            #expect(abs(partition.modularity - index.modularity(of: partition.labels, weighted: weighted)) < 1e-12)
        }
    }

    /// On gnp-50 and ba-200 Louvain falls short of Leiden by design (its communities are only
    /// locally optimal at each level): NetworkX's own Louvain reaches at best 0.3955 and 0.3828
    /// over seeds 0–9, against igraph's 0.4036 and 0.4070. There we hold ours to NetworkX's:
    /// the mean over 50 seeds within 0.005 of NetworkX 3.6.1's mean over seeds 0–199
    /// (0.38125 and 0.37818).
    @Test(arguments: [("gnp-50", 0.38125), ("ba-200", 0.37818)])
    func louvainMatchesNetworkXOnHardGraphs(_ name: String, _ networkXMean: Double) throws {
        let index = try CommunityFixtures.graph(name)
        let mean = try (0..<50).map { try index.louvainCommunities(seed: UInt64($0), weighted: false).modularity }.reduce(0, +) / 50
        #expect(mean >= networkXMean - 0.005, "\(name): mean \(mean) vs NetworkX \(networkXMean)")
    }

    @Test func sameSeedSamePartition() throws {
        for name in ["karate", "lesmis", "ba-200", "gnp-directed-40"] {
            let index = try CommunityFixtures.graph(name)
            let first = try index.louvainCommunities(seed: 7)
            #expect(try first == index.louvainCommunities(seed: 7), "\(name)")
        }
    }

    @Test func seedChangesTheVisitingOrder() throws {
        // On ba-200 the local optimum depends on the order; 20 seeds cannot all agree.
        let index = try CommunityFixtures.graph("ba-200")
        let partitions = Set(try (0..<20).map { try index.louvainCommunities(seed: UInt64($0)).labels })
        #expect(partitions.count > 1)
    }

    @Test func plantedPartitionIsRecovered() throws {
        let index = try CommunityFixtures.graph("planted")
        let planted = (0..<4).map { block in (0..<25).map { String(block * 25 + $0) } }
        let truth = Set(planted.map { $0.sorted() })
        #expect(try CommunityFixtures.idSets(index.louvainCommunities(), in: index) == truth)
    }

    @Test func resolutionChangesTheCommunities() throws {
        let index = try CommunityFixtures.graph("lesmis")
        let coarse = try index.louvainCommunities(resolution: 0.5)
        let fine = try index.louvainCommunities(resolution: 2)
        #expect(coarse.count < fine.count)
        #expect(abs(fine.modularity - index.modularity(of: fine.labels, resolution: 2, weighted: true)) < 1e-12)
    }

    @Test func directedGraphsUseDirectedModularity() throws {
        // NetworkX 3.6.1 louvain_communities(seed=42) on the directed fixtures reaches
        // 0.35547 (directed) and 0.26750 (gnp-directed-40) directed modularity.
        for (name, networkX) in [("directed", 0.35546875), ("gnp-directed-40", 0.2675)] {
            let index = try CommunityFixtures.graph(name)
            let partition = try index.louvainCommunities(weighted: false)
            #expect(partition.modularity >= networkX - 0.02, "\(name): \(partition.modularity)")
        }
    }

    @Test func edgelessGraphGivesSingletons() throws {
        var graph = Graph(directed: false)
        for id in ["a", "b", "c"] { graph.addNode(id) }
        let partition = try GraphIndex(graph).louvainCommunities()
        #expect(partition.count == 3 && partition.modularity == 0)
    }

    @Test func generatorMatchesTheReferenceXoshiro() {
        // xoshiro256** seeded by SplitMix64(42), from the reference C code transcribed to Python.
        var random = SeededRandom(seed: 42)
        #expect([random.next(), random.next(), random.next()] == [1546998764402558742, 6990951692964543102, 12544586762248559009])
    }
}
