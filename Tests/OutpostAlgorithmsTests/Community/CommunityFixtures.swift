import Foundation
import OutpostGraph
import OutpostIO
@testable import OutpostAlgorithms

/// Shared helpers for the community tests: fixtures, id ↔ index, connectivity.
enum CommunityFixtures {
    /// The undirected fixture graphs with an igraph Leiden reference value.
    static let referenceGraphs = ["karate", "florentine", "lesmis", "davis", "gnp-50", "ba-200", "weighted", "components", "planted"]
    /// G(n, m) graphs of average degree 6 whose fixtures hold only igraph's Leiden values.
    static let sparseRandomGraphs = ["gnm-200-4", "gnm-300-1", "gnm-300-5", "gnm-400-3", "gnm-500-2"]
    /// Every fixture graph with the full set of values, directed ones included.
    static let allGraphs = referenceGraphs + ["directed", "gnp-directed-40"]

    static func graph(_ name: String) throws -> GraphIndex {
        let path = ComponentsTests.repository.appendingPathComponent("Tests/Fixtures/graphs/\(name).graphml").path
        return GraphIndex(try GraphMLReader().read(at: path))
    }

    static func load(_ name: String) throws -> (GraphIndex, [String: Any]) { try ComponentsTests.load(name) }

    /// Lists of ids → lists of indices.
    static func indices(_ communities: [[String]], in index: GraphIndex) -> [[Int]] {
        communities.map { $0.map { index.index(of: $0)! } }
    }

    /// Lists of member ids, each sorted, as a set (order of communities ignored).
    static func idSets(_ partition: Partition, in index: GraphIndex) -> Set<[String]> {
        Set(partition.communities.map { $0.map { index.ids[$0] }.sorted() })
    }

    /// Communities whose members do not induce a (weakly) connected subgraph.
    static func disconnectedCommunities(_ labels: [Int32], in index: GraphIndex) -> [Int32] {
        var reached = [Bool](repeating: false, count: index.nodeCount)
        var started = Set<Int32>()
        var bad: [Int32] = []
        for start in 0..<index.nodeCount where !reached[start] {
            let c = labels[start]
            if started.contains(c) { bad.append(c); continue }
            started.insert(c)
            reached[start] = true
            var stack = [start]
            while let u = stack.popLast() {
                for v in index.neighbours(of: u) + index.inNeighbours(of: u) where !reached[Int(v)] && labels[Int(v)] == c {
                    reached[Int(v)] = true
                    stack.append(Int(v))
                }
            }
        }
        return bad
    }
}
