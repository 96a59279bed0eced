import Foundation
import Testing
import OutpostGraph
import OutpostIO
import OutpostTestSupport
@testable import OutpostRender

/// `auto` keeps the engine whose drawing fits the page largest, measured on the SVGs drawn.
@Suite struct AutomaticEngineTests {
    @Test func theChosenDrawingFitsA3AtLeastAsLargeAsEveryCandidate() throws {
        let (dataset, _) = try DatasetReader().readValid(at: TestPaths.bundled)
        let diagram = try DatasetView(dataset).diagram()
        let candidates = LayoutEngine.automatic(nodeCount: diagram.allNodes.count, edgeCount: diagram.edges.count)
        #expect(candidates.count >= 3)
        func a3Scale(_ data: Data) throws -> Double {
            let svg = try SVGGeometry(data)
            return Page.a3.fit(width: svg.width, height: svg.height).scale
        }
        let chosen = try GraphvizRenderer().render(diagram, choosingAmong: candidates)
        let chosenScale = try a3Scale(chosen.data)
        for engine in candidates {
            let alone = try a3Scale(GraphvizRenderer().render(diagram, engine: engine).data)
            #expect(chosenScale >= alone - 0.005, "\(chosen.engine) at \(chosenScale) but \(engine) at \(alone)")
        }
        // The whole bundled network (many small components, a hundred entities without
        // relations on this layer) fits A3 with its smallest text at 6 pt or more.
        #expect(chosenScale * diagram.smallestFontSize >= Page.minimumTextSize - 1e-6, "\(chosenScale)")
    }

    @Test func dotIsTriedOnlyOnSmallSparseGraphs() {
        #expect(LayoutEngine.automatic(nodeCount: 100, edgeCount: 120).contains(.dot))
        #expect(!LayoutEngine.automatic(nodeCount: 100, edgeCount: 300).contains(.dot))
        #expect(!LayoutEngine.automatic(nodeCount: 3_000, edgeCount: 3_000).contains(.dot))
        #expect(!LayoutEngine.automatic(nodeCount: 3_000, edgeCount: 3_000).contains(.neato))
        #expect(LayoutEngine.automatic(nodeCount: 3_000, edgeCount: 3_000).contains(.sfdp))
    }
}
