import Foundation
import Testing
import OutpostGraph
import OutpostIO
import OutpostTestSupport
@testable import OutpostRender

/// The legend is laid out apart from the network and placed beside it, whatever the engine:
/// checked on the geometry Graphviz drew.
@Suite struct LegendPlacementTests {
    static let bundled: DatasetView = {
        let (dataset, _) = try! DatasetReader().readValid(at: TestPaths.bundled)
        return DatasetView(dataset)
    }()

    @Test(arguments: LayoutEngine.allCases)
    func legendIsOneGroupThatOverlapsNoNode(engine: LayoutEngine) throws {
        let view = LegendPlacementTests.bundled
        let svg = try SVGGeometry(GraphvizRenderer().render(try view.diagram(), engine: engine).data)
        let legend = try #require(svg.legend, "no <g id=\"legend\">")
        let legendBox = try #require(legend.box)
        let nodes = svg.entityNodes
        #expect(nodes.count == view.entityIndices.count)
        for node in nodes {
            let box = try #require(node.box, "node \(node.title) has no shape")
            #expect(!box.overlaps(legendBox), "\(engine): node \(node.title) at \(box) overlaps the legend at \(legendBox)")
        }
        // The legend lies wholly beside the network or wholly below it.
        let boxes = nodes.compactMap(\.box)
        #expect(boxes.allSatisfy { $0.maxX <= legendBox.minX } || boxes.allSatisfy { $0.maxY <= legendBox.minY },
                "\(engine): the legend at \(legendBox) is neither right of nor below the network")
        // Every sample sits inside the legend's group and box, and none is left outside it.
        let samples = svg.groups("node").filter { $0.classes.contains("legend") }
        #expect(samples.count >= 10)
        for sample in samples { #expect(legendBox.contains(try #require(sample.box)), "\(sample.title) outside the legend") }
        #expect(legend.texts.contains("police station"))
        #expect(legend.texts.contains("confirmed"))
    }

    @Test func aLongLegendBelowTheNetworkWrapsIntoRowsNoWiderThanIt() throws {
        let view = LegendPlacementTests.bundled
        // 14 communities: 12 coloured entries and "smaller communities", beside the kinds and statuses.
        var options = DiagramOptions(colorBy: .community, communities: view.entityIndices.indices.map { $0 % 14 })
        options.labelsFromDegree = 2
        let svg = try SVGGeometry(GraphvizRenderer().render(try view.diagram(options), engine: .sfdp).data)
        let legendBox = try #require(svg.legend?.box)
        let nodes = svg.entityNodes.compactMap(\.box)
        #expect(nodes.allSatisfy { !$0.overlaps(legendBox) })
        let samples = svg.groups("node").filter { $0.classes.contains("legend") }.compactMap(\.box)
        #expect(samples.count >= 25)
        #expect(samples.allSatisfy { legendBox.contains($0) })
        if nodes.allSatisfy({ $0.maxY <= legendBox.minY }) {
            let networkWidth = (nodes.map(\.maxX).max() ?? 0) - (nodes.map(\.minX).min() ?? 0)
            #expect(legendBox.width <= networkWidth + 40, "legend \(legendBox.width) pt under a network \(networkWidth) pt wide")
            let rows = Set(samples.map { (($0.minY + $0.maxY) / 2 / 10).rounded() })
            #expect(rows.count >= 2, "one row of \(samples.count) samples")
        }
    }

    @Test func coordinatesMoveAsPairsKeepingSplineMarkers() {
        #expect(SVGComposition.translated("1,2", dx: 10, dy: -1) == "11,1")
        #expect(SVGComposition.translated("e,5,5 0,0 1.5,2.25", dx: 1, dy: 1) == "e,6,6 1,1 2.5,3.25")
        #expect(SVGComposition.translated("s,0,0 e,1,1 2,2;3,3", dx: 1, dy: 0) == "s,1,0 e,2,1 3,2;4,3")
        #expect(SVGComposition.translated("0,0,100,50", dx: 10, dy: 20) == "10,20,110,70")
        #expect(SVGComposition.translated("3,4!", dx: 1, dy: 1) == "4,5!")
    }
}
