import Foundation
import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// The one single-source search: against NetworkX's path lengths, on closed forms, and on a
/// deliberately plain graph that meets ``IndexedGraph`` without being a ``GraphIndex``.
@Suite struct ShortestPathTreeTests {
    @Test(arguments: PathFixtures.graphs)
    func distancesMatchNetworkX(_ name: String) throws {
        let (index, expected) = try ComponentsTests.load(name)
        var keys = ["shortest_path_length"]
        if PathFixtures.weighted.contains(name) { keys.append("weighted_shortest_path_length") }
        for key in keys {
            let weighted = key.hasPrefix("weighted")
            for entry in try PathFixtures.entries(expected, key) {
                let s = try PathFixtures.node(index, entry["source"]), t = try PathFixtures.node(index, entry["target"])
                let tree = try index.shortestPathTree(from: s, weighted: weighted)
                let length = (entry["length"] as? NSNumber)?.doubleValue
                #expect(tree.distance(to: t) == length, "\(name) \(key): \(index.ids[s]) → \(index.ids[t])")
                if let nodes = tree.path(to: t) {
                    #expect(nodes.first == s && nodes.last == t && index.isSimplePath(nodes))
                    #expect(index.cost(of: nodes, weighted: weighted) == length)
                } else {
                    #expect(length == nil)
                }
            }
        }
    }

    /// A path 0 – 1 – 2 – 3 and an isolated node 4.
    static func path() -> GraphIndex {
        var graph = Graph(directed: false)
        for id in ["a", "b", "c", "d", "e"] { graph.addNode(id) }
        graph.addEdge(0, 1, weight: 2); graph.addEdge(1, 2, weight: 0.5); graph.addEdge(2, 3, weight: 1)
        return GraphIndex(graph)
    }

    @Test func closedFormOnAPath() throws {
        let hops = try Self.path().shortestPathTree(from: 0)
        #expect(hops.distances == [0, 1, 2, 3, .infinity])
        #expect(hops.parents == [-1, 0, 1, 2, -1])
        #expect(hops.order == [0, 1, 2, 3])
        #expect(hops.path(to: 3) == [0, 1, 2, 3])
        #expect(hops.path(to: 4) == nil && hops.distance(to: 4) == nil)
        let lengths = try Self.path().shortestPathTree(from: 3, weighted: true)
        #expect(lengths.distances == [3.5, 1.5, 1, 0, .infinity])
        #expect(lengths.order == [3, 2, 1, 0])
    }

    @Test func reversedFollowsInEdges() throws {
        var graph = Graph(directed: true)
        for id in ["a", "b", "c"] { graph.addNode(id) }
        graph.addEdge(0, 1); graph.addEdge(1, 2)
        let index = GraphIndex(graph)
        #expect(try index.shortestPathTree(from: 2).order == [2])
        #expect(try index.shortestPathTree(from: 2, reversed: true).distances == [2, 1, 0])
        #expect(throws: AlgorithmError.self) {
            var bad = Graph(directed: false); bad.addNode("x"); bad.addNode("y"); bad.addEdge(0, 1, weight: -1)
            _ = try GraphIndex(bad).shortestPathTree(from: 0, weighted: true)
        }
    }

    /// Adjacency lists and nothing else, as Graphs.jl's `GenericGraph` wraps a graph to test
    /// that algorithms ask only for the interface.
    struct PlainGraph: IndexedGraph {
        var out: [[(Int32, Double)]]
        var isDirected: Bool
        var nodeCount: Int { out.count }
        var into: [[(Int32, Double)]] {
            var lists = [[(Int32, Double)]](repeating: [], count: out.count)
            for (u, row) in out.enumerated() { for (v, w) in row { lists[Int(v)].append((Int32(u), w)) } }
            return lists.map { $0.sorted { $0.0 < $1.0 } }
        }
        func outNeighbors(of node: Int) -> [Int32] { out[node].map(\.0) }
        func outWeights(of node: Int) -> [Double] { out[node].map(\.1) }
        func inNeighbors(of node: Int) -> [Int32] { isDirected ? into[node].map(\.0) : outNeighbors(of: node) }
        func inWeights(of node: Int) -> [Double] { isDirected ? into[node].map(\.1) : outWeights(of: node) }
        func weight(from u: Int, to v: Int) -> Double? { out[u].first { Int($0.0) == v }?.1 }

        init(_ index: GraphIndex) {
            isDirected = index.isDirected
            out = (0..<index.nodeCount).map { Array(zip(index.outNeighbors(of: $0), index.outWeights(of: $0))) }
        }
    }

    @Test(arguments: ["karate", "weighted", "directed"])
    func aPlainGraphGivesTheSameTrees(_ name: String) throws {
        let (index, _) = try ComponentsTests.load(name)
        let plain = PlainGraph(index)
        for weighted in [false, true] {
            for reversed in [false, true] {
                var search = ShortestPathSearch(nodeCount: index.nodeCount)
                for source in stride(from: 0, to: index.nodeCount, by: 3) {
                    search.run(plain, from: source, weighted: weighted, reversed: reversed)
                    let tree = search.tree(source: source, weighted: weighted)
                    search.reset()
                    let reference = try index.shortestPathTree(from: source, weighted: weighted, reversed: reversed)
                    #expect(tree == reference, "\(name) from \(source), weighted \(weighted), reversed \(reversed)")
                }
            }
        }
    }
}
