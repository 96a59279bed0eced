import Foundation
import Testing
import OutpostGraph
import OutpostTestSupport
@testable import OutpostRender

/// Long names wrap and end in an ellipsis; the full name stays in the tooltip.
@Suite struct LongNameTests {
    @Test func aThreeThousandCharacterNameGivesABoundedFigureWithTheFullNameInItsTooltip() throws {
        let words = (0..<500).map { "word\($0 % 10)" }.joined(separator: " ")   // about 3,000 characters
        let unbroken = String(repeating: "x", count: 3_000)
        for long in [words, unbroken] {
            var graph = Graph(directed: false)
            graph.addNode("long", label: long)
            graph.addNode("short", label: "short")
            graph.addEdge(0, 1)
            let svg = try SVGGeometry(GraphvizRenderer().render(try graph.diagram(named: "g", DiagramOptions(legend: false))).data)
            let node = try #require(svg.entityNodes.first { $0.title == "long" })
            let box = try #require(node.box)
            // 26 columns of 11 pt text, at most about 240 pt, in an ellipse about 1.4 times as
            // wide; the unshortened name drew a node 23,000 pt wide.
            #expect(box.width < 340, "node \(box.width) pt wide")
            #expect(box.height < 80, "node \(box.height) pt tall")
            #expect(svg.width < 600, "figure \(svg.width) pt wide")
            #expect(node.texts.count == DiagramStyle.labelLineLimit)
            #expect(node.texts.last?.hasSuffix("…") == true)
            #expect(node.tooltips.contains(long))
        }
    }

    @Test func datasetTooltipsNameKindStatusAndSources() throws {
        let view = try TestPaths.miniView()
        let svg = try SVGGeometry(GraphvizRenderer().render(try view.diagram()).data)
        let station = try #require(svg.entityNodes.first { $0.title == "station-shelbyville" })
        #expect(station.tooltips == ["Shelbyville service station\nkind: police station\nin: Shelbyville, Testland\n1 source"])
        let edges = svg.groups("edge").filter { !$0.classes.contains("legend") }
        #expect(edges.count == view.relationIndices.count)
        for edge in edges {
            let tip = try #require(edge.tooltips.first, "edge \(edge.title) has no tooltip")
            #expect(tip.contains("relation: ") && tip.contains("status: ") && tip.contains("source"), "\(tip)")
        }
        #expect(edges.contains { $0.tooltips.first?.contains("status: denied") == true || $0.tooltips.first?.contains("status: disputed") == true
            || $0.tooltips.first?.contains("status: reported") == true })
    }

    @Test func shortenedWrapsCutsAndEndsInAnEllipsis() {
        #expect(DiagramStyle.shortened("Fuzhou Public Security Bureau") == "Fuzhou Public Security\nBureau")
        #expect(DiagramStyle.shortened("short") == "short")
        #expect(DiagramStyle.shortened("first line\nsecond line") == "first line\nsecond line")
        let cut = DiagramStyle.shortened(String(repeating: "a", count: 60))
        #expect(cut.split(separator: "\n").map(\.count) == [26, 26, 8])
        let long = DiagramStyle.shortened(String(repeating: "abc ", count: 40))
        let lines = long.split(separator: "\n")
        #expect(lines.count == 3 && lines.allSatisfy { $0.count <= 26 } && long.hasSuffix("…"))
        // Chinese characters count two columns: 13 a line.
        let chinese = DiagramStyle.shortened(String(repeating: "福", count: 30))
        #expect(chinese.split(separator: "\n").map(\.count) == [13, 13, 4])
    }
}
