import Foundation
import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// Yen's k shortest simple paths against NetworkX's `shortest_simple_paths`.
///
/// Equal-cost paths may come in another order than NetworkX's, so the check is: the same number
/// of paths with the same costs in the same order; every path simple, valid, distinct, from the
/// source to the target; and within every cost level that is complete (not cut off at k), the
/// same set of paths as NetworkX.
@Suite struct KShortestPathsTests {
    func check(_ name: String, key: String, weighted: Bool) throws {
        let (index, expected) = try ComponentsTests.load(name)
        for entry in try PathFixtures.entries(expected, key) {
            let s = try PathFixtures.node(index, entry["source"]), t = try PathFixtures.node(index, entry["target"])
            let k = try #require(entry["k"] as? Int)
            let referencePaths = try #require(entry["paths"] as? [[String]])
            let referenceCosts: [Double] = weighted ? try #require(entry["costs"] as? [Double])
                                                    : try #require(entry["lengths"] as? [Int]).map(Double.init)
            let ours = try index.shortestSimplePaths(from: s, to: t, k: k, weighted: weighted)
            let label = "\(name) \(key): \(index.ids[s]) → \(index.ids[t])"
            #expect(ours.map(\.cost) == referenceCosts, "\(label)")
            if !weighted { #expect(ours.map(\.length) == (entry["lengths"] as? [Int]), "\(label)") }
            #expect(Set(ours.map(\.nodes)).count == ours.count, "\(label): paths must be distinct")
            for path in ours {
                #expect(path.nodes.first == s && path.nodes.last == t && index.isSimplePath(path.nodes), "\(label): \(path.nodes)")
                #expect(path.cost == index.cost(of: path.nodes, weighted: weighted))
            }
            #expect(zip(ours, ours.dropFirst()).allSatisfy { $0.cost <= $1.cost }, "\(label): order by cost")
            let cutOff = ours.count == k ? referenceCosts.last : nil
            for cost in Set(referenceCosts) where cost != cutOff {
                let mine = Set(ours.filter { $0.cost == cost }.map { $0.nodes.map { index.ids[$0] } })
                let theirs = Set(zip(referencePaths, referenceCosts).filter { $0.1 == cost }.map(\.0))
                #expect(mine == theirs, "\(label): paths of cost \(cost)")
            }
        }
    }

    @Test(arguments: PathFixtures.graphs)
    func hopCountsMatchNetworkX(_ name: String) throws {
        try check(name, key: "shortest_simple_paths", weighted: false)
    }

    @Test(arguments: PathFixtures.weighted)
    func weightedCostsMatchNetworkX(_ name: String) throws {
        try check(name, key: "shortest_simple_paths_weighted", weighted: true)
    }

    /// Against a brute-force enumeration of every simple path, with and without constraints.
    @Test(arguments: [false, true])
    func firstKCostsMatchBruteForce(_ weighted: Bool) throws {
        let (index, _) = try ComponentsTests.load(weighted ? "weighted" : "florentine")
        let hub = (0..<index.nodeCount).max { index.degree(of: $0) < index.degree(of: $1) }!
        for (s, t) in [(0, index.nodeCount - 1), (1, index.nodeCount / 2), (2, 3)] where s != hub && t != hub {
            for constraints in [PathConstraints.none, PathConstraints(avoiding: [hub])] {
                let brute = PathFixtures.allSimplePaths(index, from: s, to: t, weighted: weighted) { !constraints.avoiding.contains($0) }
                let ours = try index.shortestSimplePaths(from: s, to: t, k: 12, weighted: weighted, avoiding: constraints)
                #expect(ours.count == min(12, brute.count))
                #expect(ours.map(\.cost) == Array(brute.prefix(12)).map(\.cost), "\(index.ids[s]) → \(index.ids[t]) \(constraints)")
                #expect(ours.allSatisfy { !$0.nodes.dropFirst().dropLast().contains(where: constraints.avoiding.contains) })
            }
        }
    }

    @Test func kOfZeroAndUnreachable() throws {
        let (index, _) = try ComponentsTests.load("components")
        #expect(try index.shortestSimplePaths(from: 0, to: 1, k: 0).isEmpty)
        let isolated = index.index(of: "15")!
        #expect(try index.shortestSimplePaths(from: 0, to: isolated, k: 3).isEmpty)
    }
}
