import Foundation
import Outpost
import OutpostTestSupport
import Testing

/// Focused figures through the library: what they draw is checked against the dataset's own
/// relations, and their text against the page, on the SVG Graphviz drew.
@Suite struct FocusedFigureTests {
    let bundled = CommandLineTool.path("Graphs/overseas-police-stations")


    /// Fuzhou's neighbourhood (29 entities since the dataset's fourth pass) on A3; on A4 it does
    /// not fit at 6 pt (RenderCommandTests checks the refusal).
    @Test func focusDrawsTheEntityAndItsNeighboursOnAnA3PageAtSixPointsOrMore() throws {
        let network = try LoadedNetwork(contentsOf: bundled)
        let view = try #require(network.view)
        // The reference: fuzhou-psb and every entity one relation of the network layer away.
        var expected: Set<String> = ["fuzhou-psb"]
        for relation in view.relations {
            if relation.from == "fuzhou-psb" { expected.insert(relation.to) }
            if relation.to == "fuzhou-psb" { expected.insert(relation.from) }
        }
        #expect(expected.count > 5)
        let diagram = try network.focusDiagram(on: "fuzhou-psb")
        let rendering = try GraphvizRenderer().render(diagram.styled, page: .a3)
        let svg = try SVGGeometry(rendering.data)
        #expect(Set(svg.entityNodes.map(\.title)) == expected)
        #expect(svg.smallestPrintedText >= Page.minimumTextSize - 0.01, "smallest text \(svg.smallestPrintedText) pt")
        #expect(svg.width <= Page.a3.longSide && svg.height <= Page.a3.longSide)
        let center = try #require(svg.entityNodes.first { $0.title == "fuzhou-psb" })
        #expect(center.classes.contains("center"))
        #expect(svg.legend != nil)
        #expect(svg.texts.contains { $0.content.hasPrefix("Within 1 hop of Fuzhou Public Security Bureau") })
        #expect(svg.texts.contains { $0.content.contains("layer: network") }, "the caption names the relations counted")
    }

    @Test func aWiderRadiusDrawsMore() throws {
        let network = try LoadedNetwork(contentsOf: bundled)
        let one = try network.focusDiagram(on: "fuzhou-psb", radius: 1).nodeCount
        let two = try network.focusDiagram(on: "fuzhou-psb", radius: 2).nodeCount
        #expect(two > one)
        #expect(throws: FocusError.self) { try network.focusDiagram(on: "fuzhou-psb", radius: 0) }
    }

    @Test func pathFigureHighlightsTheSearchsPathsAndFadesTheirNeighbours() throws {
        let network = try LoadedNetwork(contentsOf: bundled)
        let search = try network.findPaths(PathQuery(from: "station-rotterdam", to: "fuzhou-psb", selection: .cheapest(3)))
        #expect(search.paths.count == 3)
        let svg = try SVGGeometry(GraphvizRenderer().render(try network.pathDiagram(search).styled).data)
        let onPaths = Set(search.paths.flatMap(\.nodes))
        let highlighted = Set(svg.entityNodes.filter { $0.classes.contains("path") }.map(\.title))
        #expect(highlighted == onPaths)
        // Every hop's relations are emphasised and labelled with type and status.
        var hops = Set<[String]>()
        for path in search.paths { for hop in path.hops { hops.insert([hop.from, hop.to].sorted()) } }
        let pathEdges = svg.groups("edge").filter { $0.classes.contains("path") }
        #expect(Set(pathEdges.map { edge -> [String] in
            edge.title.components(separatedBy: "->").map { $0.trimmingCharacters(in: .whitespaces) }.sorted()
        }) == hops)
        for edge in pathEdges {
            #expect(edge.texts.contains { $0.contains("(") && $0.contains(")") }, "\(edge.title) has no 'type (status)' label")
        }
        // The context: more entities than the paths, none of them highlighted.
        #expect(svg.entityNodes.count > onPaths.count)
        let legendText = svg.legend?.texts.joined(separator: " ") ?? ""
        #expect(legendText.contains("3 paths"))
    }

    @Test func noPathIsAnErrorThatSaysWhy() throws {
        let network = try LoadedNetwork(contentsOf: CommandLineTool.path("Tests/Data/mini"),
                                        filter: DatasetFilter(layers: RelationLayer.all, minimumStatus: .confirmed))
        let search = try network.findPaths(PathQuery(from: "springfield-psb", to: "shelbyville-council"))
        #expect(throws: FocusError.self) { try network.pathDiagram(search) }
    }
}

/// The overview: names only on entities with enough neighbours, so the whole network fits A3.
@Suite struct OverviewFigureTests {
    @Test func theWholeNetworkFitsA3WhenOnlyItsHubsAreNamed() throws {
        let network = try LoadedNetwork(contentsOf: CommandLineTool.path("Graphs/overseas-police-stations"))
        let view = try #require(network.view)
        // The reference: distinct neighbours of each entity over the network layer's relations.
        var neighbours: [String: Set<String>] = [:]
        for relation in view.relations where relation.from != relation.to {
            neighbours[relation.from, default: []].insert(relation.to)
            neighbours[relation.to, default: []].insert(relation.from)
        }
        var options = DiagramOptions()
        options.labelsFromDegree = 2
        let diagram = try network.diagram(options)
        let rendering = try GraphvizRenderer().render(diagram.styled, choosingAmong: LayoutEngine.automatic(
            nodeCount: diagram.nodeCount, edgeCount: diagram.edgeCount), page: .a3)
        let svg = try SVGGeometry(rendering.data)
        #expect(svg.smallestPrintedText >= Page.minimumTextSize - 0.01, "smallest text \(svg.smallestPrintedText) pt")
        #expect(svg.entityNodes.count == view.entityIndices.count)
        let names = Dictionary(uniqueKeysWithValues: view.entities.map { ($0.id, $0.name) })
        for node in svg.entityNodes {
            let degree = neighbours[node.title]?.count ?? 0
            let named = node.texts.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(named == (degree >= 2), "\(node.title): \(degree) neighbours, named \(named)")
            #expect(node.tooltips.first?.hasPrefix(names[node.title] ?? "?") == true, "\(node.title) keeps its name in the tooltip")
        }
        #expect(svg.legend?.texts.contains { $0.contains("fewer than 2 neighbours") } == true)
    }
}
