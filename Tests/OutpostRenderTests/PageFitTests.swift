import Foundation
import Testing
import OutpostGraph
import OutpostIO
import OutpostTestSupport
@testable import OutpostRender

/// Figures fitted to a page keep their text at 6 pt or more, measured on the SVG Graphviz drew.
@Suite struct PageFitTests {
    static let dataset: Dataset = try! DatasetReader().readValid(at: TestPaths.bundled).0


    @Test(arguments: [Page.a4, Page.a3, Page.letter])
    func aCountryFitsThePageWithTextAtSixPointsOrMore(page: Page) throws {
        let view = DatasetView(PageFitTests.dataset, filter: DatasetFilter(countries: ["Netherlands"]))
        let rendering = try GraphvizRenderer().render(try view.diagram(), page: page)
        let svg = try SVGGeometry(rendering.data)
        let fit = try #require(rendering.pageFit)
        let (pageWidth, pageHeight) = fit.orientation == .landscape ? (page.longSide, page.shortSide) : (page.shortSide, page.longSide)
        #expect(svg.width <= pageWidth - 2 * page.margin + 1 && svg.height <= pageHeight - 2 * page.margin + 1,
                "\(svg.width) × \(svg.height) pt on \(page)")
        #expect(svg.smallestPrintedText >= Page.minimumTextSize - 0.01, "smallest text \(svg.smallestPrintedText) pt")
        // Shrunk to fit A4 and Letter (the figure is about 1000 pt wide), not enlarged for A3.
        #expect(page == .a3 ? abs(svg.scale - 1) < 0.01 : svg.scale < 1)
        #expect(abs(svg.scale - fit.scale) < 0.01, "drawn at \(svg.scale), fitted at \(fit.scale)")
    }

    @Test func orientationChoosesTheSideThatDrawsLarger() throws {
        let view = DatasetView(PageFitTests.dataset, filter: DatasetFilter(countries: ["Netherlands"]))
        var portrait = Page.a3
        portrait.orientation = .portrait
        var landscape = Page.a3
        landscape.orientation = .landscape
        let p = try SVGGeometry(GraphvizRenderer().render(try view.diagram(), page: portrait).data)
        let l = try SVGGeometry(GraphvizRenderer().render(try view.diagram(), page: landscape).data)
        let auto = try GraphvizRenderer().render(try view.diagram(), page: .a3)
        #expect(p.width <= Page.a3.shortSide && l.width <= Page.a3.longSide)
        #expect(p.scale != l.scale)
        #expect(abs(try SVGGeometry(auto.data).scale - max(p.scale, l.scale)) < 0.01)
    }

    @Test func aFigureThatCannotFitIsRefusedWithTheNumbers() throws {
        let view = DatasetView(PageFitTests.dataset)
        do {
            _ = try GraphvizRenderer().render(try view.diagram(), engine: .dot, page: .a4)
            Issue.record("the whole network on A4 was drawn")
        } catch let RenderError.doesNotFit(page, width, height, smallest, scale) {
            #expect(page == .a4)
            #expect(smallest * scale < Page.minimumTextSize)
            #expect(width > 0 && height > 0)
            let message = "\(RenderError.doesNotFit(page: page, width: width, height: height, smallestText: smallest, scale: scale))"
            #expect(message.contains("focused figure"))
            #expect(message.contains("6.0 pt"))
        }
    }

    @Test func pageNamesAndSizesParse() throws {
        #expect(try Page(parsing: "A4") == .a4)
        let inches = try Page(parsing: "8.5x11in")
        #expect(inches.shortSide == 612 && inches.longSide == 792)
        let cm = try Page(parsing: "20x30cm")
        #expect(abs(cm.shortSide - 20 / 2.54 * 72) < 1e-9)
        #expect(try Page(parsing: "300x200pt").longSide == 300)
        for bad in ["a5", "20x30", "x30cm", "0x10in", "-1x5in", "1x1in", "ax4cm"] {
            #expect(throws: RenderError.self, "\(bad)") { try Page(parsing: bad) }
        }
    }

    @Test func smallestFontSizeCountsEveryTextTheDiagramShows() throws {
        let view = DatasetView(PageFitTests.dataset, filter: DatasetFilter(countries: ["Netherlands"]))
        #expect(try view.diagram().smallestFontSize == 11)       // node labels, caption, legend
        #expect(try view.diagram(DiagramOptions(edgeLabels: true)).smallestFontSize == 9)
    }
}
