import Testing
import OutpostAlgorithms
import OutpostGraph
@testable import OutpostRender

@Suite struct DiagramTests {
    @Test func miniDatasetMatchesGolden() throws {
        let dot = DOTWriter().write(try TestPaths.miniView().diagram())
        #expect(try TestPaths.matchesGolden(dot, "mini.dot"), "\(dot)")
    }

    @Test func miniWithEveryOptionMatchesGolden() throws {
        let options = DiagramOptions(title: "Who set up the Shelbyville station", edgeLabels: true, sizeBy: .degree,
                                     clusterBy: .jurisdiction,
                                     highlightPath: .init(from: "shelbyville-council", to: "springfield-psb"))
        let dot = DOTWriter().write(try TestPaths.miniView().diagram(options))
        #expect(try TestPaths.matchesGolden(dot, "mini-options.dot"), "\(dot)")
    }

    @Test func plainGraphMatchesGolden() throws {
        var g = Graph(directed: false)
        let a = g.addNode("a", attributes: ["country": "Spain"]), b = g.addNode("b", attributes: ["country": "Spain"])
        let c = g.addNode("c", label: "Node C"), d = g.addNode("d")
        g.addEdge(a, b)
        g.addEdge(b, c, weight: 2.5)
        g.addEdge(c, a)
        _ = d
        let options = DiagramOptions(edgeLabels: true, sizeBy: .degree, colorBy: .community, communities: [7, 7, 3, 9],
                                     clusterBy: .country)
        let dot = DOTWriter().write(try g.diagram(named: "triangle.csv", options))
        #expect(try TestPaths.matchesGolden(dot, "plain.dot"), "\(dot)")
    }

    @Test func captionNamesDatasetFilterAndNewestSource() throws {
        let view = try TestPaths.miniView(DatasetFilter(layers: RelationLayer.all, minimumStatus: .confirmed))
        let diagram = try view.diagram()
        guard case let .html(label)? = diagram.graphAttributes[attribute: "label"] else {
            Issue.record("no HTML title label"); return
        }
        #expect(label.contains("A small test network"))
        #expect(label.contains("Dataset: mini"))
        #expect(label.contains("all layers; confirmed only"))
        #expect(label.contains("newest source 2022-04"))
        #expect(label.contains("3 entities, 1 relations shown"))
    }

    @Test func optionsThatCannotBeHonouredAreErrors() throws {
        let view = try TestPaths.miniView()
        #expect(throws: DiagramError.self) { try view.diagram(DiagramOptions(colorBy: .community)) }
        #expect(throws: DiagramError.self) { try view.diagram(DiagramOptions(colorBy: .community, communities: [0])) }
        #expect(throws: DiagramError.self) { try view.diagram(DiagramOptions(sizeBy: .scores(name: "pagerank", values: [1]))) }
        #expect(throws: DiagramError.self) { try view.diagram(DiagramOptions(highlightPath: .init(from: "nobody", to: "springfield-psb"))) }
        var g = Graph(directed: false)
        g.addNode("x"); g.addNode("y")
        #expect(throws: DiagramError.self) { try g.diagram(named: "g", DiagramOptions(highlightPath: .init(from: "x", to: "y"))) }
        #expect(throws: DiagramError.self) { try g.diagram(named: "g", DiagramOptions(clusterBy: .jurisdiction)) }
    }

    @Test func scoresFromElsewhereSizeNodes() throws {
        let view = try TestPaths.miniView()
        let diagram = try view.diagram(DiagramOptions(sizeBy: .scores(name: "pagerank", values: [0.5, 0.3, 0.2])))
        let widths = diagram.allNodes.compactMap { node -> String? in
            guard case let .plain(w)? = node.attributes[attribute: "width"] else { return nil }
            return w
        }
        #expect(widths.prefix(3) == ["2", "1.6394", "1.4119"])  // 0.4 + 1.6·sqrt(score / 0.5): 0.4 + 1.6·0.7746, 0.4 + 1.6·0.6325
        #expect(diagram.allNodes.contains { $0.attributes[attribute: "label"] == .text("size: pagerank") })
    }

    /// The highlighted path comes from the paths module's `shortestPath` (fewest links).
    @Test func shortestPathIsFoundBreadthFirst() throws {
        var g = Graph(directed: false)
        for id in ["a", "b", "c", "d", "e"] { g.addNode(id) }
        for (u, v) in [(0, 1), (1, 2), (2, 4), (0, 3), (3, 4)] { g.addEdge(u, v) }
        let index = GraphIndex(g)
        #expect(try index.shortestPath(from: 0, to: 4)?.nodes == [0, 3, 4])
        #expect(try index.shortestPath(from: 2, to: 2)?.nodes == [2])
    }
}
