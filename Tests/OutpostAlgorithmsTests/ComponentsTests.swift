import Foundation
import Testing
import OutpostGraph
import OutpostIO
@testable import OutpostAlgorithms

/// Components and density against NetworkX (Tests/Fixtures/expected).
@Suite struct ComponentsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ name: String) throws -> (GraphIndex, [String: Any]) {
        let fixtures = repository.appendingPathComponent("Tests/Fixtures")
        let graph = try GraphMLReader().read(at: fixtures.appendingPathComponent("graphs/\(name).graphml").path)
        let data = try Data(contentsOf: fixtures.appendingPathComponent("expected/\(name).json"))
        return (GraphIndex(graph), try JSONSerialization.jsonObject(with: data) as! [String: Any])
    }

    @Test(arguments: ["karate", "florentine", "lesmis", "davis", "weighted", "components", "gnp-50", "ba-200", "directed", "gnp-directed-40"])
    func componentsAndDensityMatchNetworkX(_ name: String) throws {
        let (index, expected) = try Self.load(name)
        let key = index.isDirected ? "weakly_connected_components" : "connected_components"
        let reference = try #require(expected[key] as? [[String]])
        let ours = index.connectedComponents().map { $0.map { index.ids[$0] }.sorted() }
        #expect(Set(ours) == Set(reference))
        let density = try #require(expected["density"] as? Double)
        #expect(abs(index.density - density) < 1e-12)
    }

    /// The labels as a breadth-first search gives them, numbered in order of each component's
    /// smallest node: the definition ``GraphIndex/componentLabels()`` documents.
    static func searchLabels(_ index: GraphIndex) -> [Int32] {
        var label = [Int32](repeating: -1, count: index.nodeCount)
        var next: Int32 = 0
        for start in 0..<index.nodeCount where label[start] < 0 {
            label[start] = next
            var stack = [start]
            while let v = stack.popLast() {
                for u in index.neighbours(of: v) + index.inNeighbours(of: v) where label[Int(u)] < 0 {
                    label[Int(u)] = next
                    stack.append(Int(u))
                }
            }
            next += 1
        }
        return label
    }

    /// `nodes` nodes, `edges` uniform random edges (self-loops and repeats allowed) and, with
    /// `chain`, a path through the first `chain` nodes: one large component for the second
    /// phase to skip, beside many small ones.
    static func randomGraph(nodes: Int, edges: Int, chain: Int = 0, directed: Bool, seed: UInt64) -> GraphIndex {
        var random = SeededRandom(seed: seed)
        var graph = Graph(directed: directed)
        for v in 0..<nodes { _ = graph.addNode("n\(v)") }
        for v in 1..<max(1, chain) { graph.addEdge(Int(random.next() % UInt64(v)), v) }
        for _ in 0..<edges {
            graph.addEdge(Int(random.next() % UInt64(nodes)), Int(random.next() % UInt64(nodes)))
        }
        return GraphIndex(graph)
    }

    @Test(arguments: [false, true])
    func labelsEqualASearchOnRandomGraphs(_ directed: Bool) {
        // Sparse (hundreds of components), near the threshold, dense (one), and a large
        // component with the last nodes attached to it from outside.
        for (seed, (nodes, edges, chain)) in [(2000, 600, 0), (2000, 1000, 0), (2000, 1100, 1500),
                                              (2000, 8000, 0), (300, 0, 0), (1, 1, 0)].enumerated() {
            let index = Self.randomGraph(nodes: nodes, edges: edges, chain: chain, directed: directed, seed: UInt64(seed))
            #expect(index.componentLabels() == Self.searchLabels(index), "\(nodes) nodes, \(edges) edges, seed \(seed)")
        }
    }

    @Test(arguments: ["karate", "florentine", "lesmis", "davis", "weighted", "components", "gnp-50", "ba-200", "directed", "gnp-directed-40"])
    func labelsEqualASearchOnFixtures(_ name: String) throws {
        let (index, _) = try Self.load(name)
        #expect(index.componentLabels() == Self.searchLabels(index))
    }

    @Test func closedForms() {
        // Edges 3–1, 4–4 (a self-loop) and 5 → 0 directed: components {0, 5}, {1, 3}, {2}, {4}.
        for directed in [false, true] {
            var graph = Graph(directed: directed)
            for v in 0..<6 { _ = graph.addNode("\(v)") }
            graph.addEdge(3, 1); graph.addEdge(4, 4); graph.addEdge(5, 0)
            let index = GraphIndex(graph)
            #expect(index.componentLabels() == [0, 1, 2, 1, 3, 0])
            #expect(index.connectedComponents() == [[0, 5], [1, 3], [2], [4]])
        }
        #expect(GraphIndex(Graph(directed: false)).componentLabels().isEmpty)
        #expect(GraphIndex(Graph(directed: false)).connectedComponents().isEmpty)
    }
}
