import Foundation
import Testing
import OutpostGraph
import OutpostIO
import OutpostTestSupport
@testable import OutpostRender

@Suite struct GraphvizRendererTests {
    let renderer = GraphvizRenderer()

    @Test func svgIsWellFormedWithOneGroupPerEntityAndRelation() throws {
        let view = try TestPaths.miniView()
        let svg = try renderer.svg(try view.diagram())
        #expect(svg.entityNodes.count == view.entityIndices.count)
        #expect(svg.edges.count == view.relationIndices.count)
        #expect(Set(svg.entityNodes.map(\.title)) == ["springfield-psb", "station-shelbyville", "shelbyville-council"])
        #expect(svg.allText.contains("A small test network"))
        #expect(svg.allText.contains { $0.contains("newest source 2022-04") })
        // The legend: one swatch per kind present, one sample line per status present.
        let legendNodes = svg.groups("node").filter { $0.classes.contains("legend") }
        #expect(legendNodes.count == 3 + 2 * 2)
        #expect(svg.clusters.map(\.title) == ["cluster_legend"])
    }

    @Test func pngAndPDFHaveTheirSignaturesAndPlausibleSizes() throws {
        let dot = DOTWriter().write(try TestPaths.miniView().diagram())
        let png = try renderer.render(dot: dot, format: .png).data
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect((5_000...2_000_000).contains(png.count), "\(png.count) bytes")
        let pdf = try renderer.render(dot: dot, format: .pdf).data
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        #expect((2_000...1_000_000).contains(pdf.count), "\(pdf.count) bytes")
        let laidOut = String(decoding: try renderer.render(dot: dot, format: .dot).data, as: UTF8.self)
        #expect(laidOut.contains("pos=\""))
        #expect(laidOut.contains("\"springfield-psb\"") || laidOut.contains("springfield-psb"))
    }

    @Test(arguments: LayoutEngine.allCases)
    func everyEngineRendersTheMiniDataset(engine: LayoutEngine) throws {
        let view = try TestPaths.miniView()
        let svg = try renderer.svg(try view.diagram(), engine: engine)
        #expect(svg.entityNodes.count == 3)
        #expect(svg.edges.count == 3)
    }

    @Test func hostileNamesComeOutAsTextWithNoInjectedElements() throws {
        let graph = DOTWriterTests.hostileGraph()
        let rendering = try renderer.render(dot: DOTWriter().write(try graph.diagram(named: "hostile", DiagramOptions(legend: false))))
        let svg = try SVGGeometry(rendering.data)
        #expect(rendering.warnings.isEmpty, "\(rendering.warnings)")
        #expect(svg.entityNodes.count == 8)
        #expect(svg.edges.count == 5)
        #expect(!svg.elementNames.contains("script"))
        // `a` holds each tooltip (xlink:title, no address).
        #expect(svg.elementNames.isSubset(of: ["svg", "g", "title", "text", "path", "polygon", "ellipse", "polyline", "a"]),
                "\(svg.elementNames)")
        let texts = svg.entityNodes.flatMap(\.texts)
        for expected in ["a\" -> b", "<script>alert(1)</script>", "}", "C:\\dir\\ ends with \\", "first line", "second line",
                         "third", "node", "福州市公安局 🚓", "AT&T &lt;b&gt; \\N \\G"] {
            #expect(texts.contains(expected), "label \(expected) missing from \(texts)")
        }
        // Node names (SVG titles) keep their text too; backslashes are doubled by the DOT escape.
        let titles = Set(svg.entityNodes.map(\.title))
        #expect(titles.contains("a\" -> b"))
        #expect(titles.contains("<script>alert(1)</script>"))
        #expect(titles.contains("back\\\\slash\\\\"))
        #expect(titles.contains("line\\u{A}break"))
    }

    @Test func edgeLabelsAddTheRelationText() throws {
        let view = try TestPaths.miniView()
        let plain = try renderer.svg(try view.diagram())
        let labelled = try renderer.svg(try view.diagram(DiagramOptions(edgeLabels: true)))
        #expect(plain.edges.allSatisfy { $0.texts.isEmpty })
        #expect(labelled.edges.map { $0.texts.joined() }.sorted() == ["denied", "established", "investigated"])
    }

    @Test func minimumStatusConfirmedRemovesDashedLines() throws {
        let all = try renderer.svg(try TestPaths.miniView().diagram())
        #expect(all.groups("edge").contains { !$0.dashArrays.isEmpty })
        let confirmed = try renderer.svg(try TestPaths.miniView(DatasetFilter(layers: RelationLayer.all, minimumStatus: .confirmed)).diagram())
        #expect(confirmed.edges.count == 1)
        #expect(confirmed.groups("edge").allSatisfy { $0.dashArrays.isEmpty })   // legend lines too
    }

    @Test func deniedStatusIsDottedRedWithABar() throws {
        var dataset = try TestPaths.miniView().dataset
        var relations = dataset.relations
        relations[2].status = .denied
        dataset = Dataset(name: dataset.name, title: dataset.title, sources: dataset.sources, entities: dataset.entities,
                          relations: relations, totals: dataset.totals)
        let svg = try renderer.svg(try DatasetView(dataset, filter: .everything).diagram())
        let denied = try #require(svg.edges.first { $0.strokes.contains(DiagramStyle.style(of: .denied).color) })
        #expect(denied.dashArrays.contains("1,5"))   // Graphviz's dotted pattern
        let legend = svg.allText
        #expect(legend.contains("denied"))
    }

    @Test func clusterByAddsClusterSubgraphs() throws {
        let view = try TestPaths.miniView()
        let byCountry = try renderer.svg(try view.diagram(DiagramOptions(clusterBy: .country)))
        let countryClusters = byCountry.clusters.filter { $0.title.hasPrefix("cluster_country") }
        #expect(countryClusters.map { $0.texts.joined() }.sorted() == ["China", "Testland"])
        let byJurisdiction = try renderer.svg(try view.diagram(DiagramOptions(clusterBy: .jurisdiction)))
        #expect(byJurisdiction.clusters.contains { $0.texts.joined() == "Jurisdiction: Springfield Public Security Bureau" })
    }

    @Test func highlightPathMarksThePathAndDimsTheRest() throws {
        var g = Graph(directed: false)
        for id in ["a", "b", "c", "d"] { g.addNode(id) }
        g.addEdge(0, 1); g.addEdge(1, 2); g.addEdge(2, 3); g.addEdge(0, 3); g.addEdge(1, 3)
        let svg = try renderer.svg(try g.diagram(named: "square", DiagramOptions(highlightPath: .init(from: "a", to: "c"))))
        let pathEdges = svg.groups("edge").filter { $0.classes.contains("path") }
        #expect(pathEdges.map(\.title) == ["a--b", "b--c"])
        #expect(pathEdges.allSatisfy { $0.strokes.contains(DiagramStyle.highlight) })
        let others = svg.edges.filter { !$0.classes.contains("path") }
        #expect(others.count == 3)
        #expect(others.allSatisfy { $0.strokes.allSatisfy { $0 == DiagramStyle.dimmedLine } })
        #expect(svg.groups("node").filter { $0.classes.contains("path") }.map(\.title) == ["a", "b", "c"])
    }

    @Test func sizeByDegreeMakesBusierNodesBigger() throws {
        let view = try TestPaths.miniView()
        let laidOut = String(decoding: try renderer.render(dot: DOTWriter().write(try view.diagram(DiagramOptions(sizeBy: .degree, legend: false))),
                                                           format: .dot).data, as: UTF8.self)
        let plain = String(decoding: try renderer.render(dot: DOTWriter().write(try view.diagram(DiagramOptions(legend: false))),
                                                         format: .dot).data, as: UTF8.self)
        func size(_ key: String, of id: String, in text: String) -> Double? {
            guard let start = text.range(of: "\(id)\t[") ?? text.range(of: "\"\(id)\"\t[") ?? text.range(of: "\(id) [") else { return nil }
            let rest = text[start.upperBound...]
            guard let w = rest.range(of: key + "=") else { return nil }
            let digits = rest[w.upperBound...].prefix { "0123456789.\"".contains($0) }.filter { $0 != "\"" }
            return Double(String(digits))
        }
        // Widths follow the labels (box shapes are sized to them); the minimum size and the
        // font follow the score: the busiest node gets the full 2 × 1.2 in.
        let station = try #require(size("height", of: "station-shelbyville", in: laidOut))
        let council = try #require(size("height", of: "shelbyville-council", in: laidOut))
        #expect(station >= 1.19)
        #expect(try #require(size("width", of: "station-shelbyville", in: laidOut)) >= 2)
        #expect(station > council)
        #expect(try #require(size("height", of: "station-shelbyville", in: plain)) < station)
    }

    @Test func communityColouringFillsByPartition() throws {
        let view = try TestPaths.miniView()
        let raw = String(decoding: try renderer.render(dot: DOTWriter().write(try view.diagram(DiagramOptions(colorBy: .community, communities: [1, 1, 2])))).data, as: UTF8.self)
        #expect(raw.contains(DiagramStyle.communityFills[0]))
        #expect(raw.contains(DiagramStyle.communityFills[1]))
        #expect(!raw.contains(DiagramStyle.style(of: .policeStation).fill))
    }

    @Test func unknownNamesAreErrorsListingTheChoices() {
        #expect(throws: RenderError.self) { try LayoutEngine(parsing: "spring") }
        do { _ = try LayoutEngine(parsing: "spring") } catch {
            #expect("\(error)".contains("dot, neato, fdp, sfdp, circo, twopi"))
        }
        do { _ = try RenderFormat(parsing: "jpeg") } catch {
            #expect("\(error)".contains("svg, png, pdf, dot"))
        }
        #expect(RenderFormat(pathExtension: "GV") == .dot)
        #expect(LayoutEngine.dot.advice(nodeCount: 2_001)?.contains("sfdp") == true)
        #expect(LayoutEngine.sfdp.advice(nodeCount: 50_000) == nil)
    }

    @Test func graphvizErrorsBecomeSwiftErrorsAndLaterRendersStillWork() throws {
        do {
            _ = try renderer.render(dot: "digraph { a -> ; }")
            Issue.record("malformed DOT rendered")
        } catch let RenderError.unreadableDOT(messages) {
            #expect(messages.contains { $0.contains("syntax error") }, "\(messages)")
        }
        // Trailing junk after a graph must not poison the next parse.
        _ = try? renderer.render(dot: "digraph A { x -> y } garbage")
        let svg = try SVGGeometry(try renderer.render(dot: "digraph C { c1 -> c2 }").data)
        #expect(svg.groups("node").map(\.title) == ["c1", "c2"])
        // A warning (unknown shape) comes back as a warning, and the render succeeds.
        let warned = try renderer.render(dot: "digraph { a [shape=nosuchshape] }")
        #expect(warned.warnings.contains { $0.contains("nosuchshape") }, "\(warned.warnings)")
    }

    @Test func concurrentRendersAreSerialisedAndIdentical() async throws {
        let dot = DOTWriter().write(try TestPaths.miniView().diagram(DiagramOptions(edgeLabels: true)))
        let expected = try renderer.render(dot: dot, engine: .neato).data
        let results = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<8 { group.addTask { try GraphvizRenderer().render(dot: dot, engine: .neato).data } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: TestPaths.bundled)))
    func bundledDatasetRendersOneGroupPerEntityAndRelation() throws {
        let (dataset, _) = try DatasetReader().readValid(at: TestPaths.bundled)
        let view = DatasetView(dataset, filter: .everything)
        let svg = try renderer.svg(try view.diagram(DiagramOptions(clusterBy: .jurisdiction)))
        #expect(svg.entityNodes.count == view.entityIndices.count)
        #expect(svg.edges.count == view.relationIndices.count)
    }
}
