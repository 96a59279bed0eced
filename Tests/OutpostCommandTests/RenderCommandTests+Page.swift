import Foundation
import OutpostTestSupport
import Testing

/// `outpost render --page`, `--focus` and `--path`: the figures a report writer asks for, read
/// back as geometry from the SVG written.
extension RenderCommandTests {
    var bundled: String { "Graphs/overseas-police-stations" }

    /// Qingtian's neighbourhood (12 entities) and Fuzhou's (29 since the fourth pass of the
    /// dataset tied two dozen more stations to it) fit A4; Fuzhou's on A3 too.
    @Test(arguments: [("qingtian-psb", "a4", 842.0, 596.0), ("fuzhou-psb", "a4", 842.0, 596.0), ("fuzhou-psb", "a3", 1191.0, 842.0)])
    func focusOnABureauFitsItsPageWithEveryLabelAtSixPointsOrMore(bureau: String, page: String, long: Double, short: Double) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("f.svg").path
        let result = try Outpost.run("render", bundled, "--focus", bureau, "--page", page, "-o", out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("on \(page.uppercased())"), "\(result.stderr)")
        let svg = try SVGGeometry(Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(svg.smallestPrintedText >= 6 - 0.01, "smallest text \(svg.smallestPrintedText) pt")
        #expect(max(svg.width, svg.height) <= long && min(svg.width, svg.height) <= short, "\(svg.width) × \(svg.height) pt")
        #expect(svg.entityNodes.contains { $0.title == bureau })
    }

    /// The whole network (245 entities) fits A3 but not A4: there the command refuses rather
    /// than print under 6 pt.
    @Test func aFigureTooCrowdedForItsPageIsRefusedNotShrunk() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("f.svg").path
        let result = try Outpost.run("render", bundled, "--page", "a4", "-o", out)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("6.0 pt minimum") && result.stderr.contains("larger page"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func theWholeNetworkOnA3IsNeverDrawnUnderSixPoints() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("x.svg").path
        // Every entity named, components packed to the page.
        let result = try Outpost.run("render", bundled, "--page", "a3", "-o", out)
        #expect(result.status == 0, "\(result.stderr)")
        let whole = try SVGGeometry(Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(whole.smallestPrintedText >= 6 - 0.01, "smallest text \(whole.smallestPrintedText) pt")
        #expect(max(whole.width, whole.height) <= 1191 && min(whole.width, whole.height) <= 842)
        #expect(whole.entityNodes.count == 245)
        // Packed, not piled: no two entities overlap (their shapes' boxes, less a point for the
        // outlines' width).
        let boxes = whole.entityNodes.compactMap(\.box).map { b in
            SVGGeometry.Box(minX: b.minX + 1, minY: b.minY + 1, maxX: b.maxX - 1, maxY: b.maxY - 1)
        }
        #expect(boxes.count == 245)
        var overlapping = 0
        for i in boxes.indices { for j in boxes.indices where j > i && boxes[i].overlaps(boxes[j]) { overlapping += 1 } }
        #expect(overlapping == 0, "\(overlapping) overlapping pairs")
        // Named only where they have two neighbours or more, the whole network fits A3.
        let overview = try Outpost.run("render", bundled, "--page", "a3", "--label-min-degree", "2", "-o", out)
        #expect(overview.status == 0, "\(overview.stderr)")
        let svg = try SVGGeometry(Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(svg.smallestPrintedText >= 6 - 0.01, "smallest text \(svg.smallestPrintedText) pt")
        #expect(max(svg.width, svg.height) <= 1191 && min(svg.width, svg.height) <= 842)
    }

    @Test func pathFigureOnA3() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("p.svg").path
        let result = try Outpost.run("render", bundled, "--path", "station-rotterdam", "fuzhou-psb", "--k", "3", "--page", "a3", "-o", out)
        #expect(result.status == 0, "\(result.stderr)")
        // Its lines carry labels, which only dot places clear of each other: dot is kept since
        // it fits A3 (sfdp would draw larger, labels over labels).
        #expect(result.stderr.contains("dot layout (auto"), "\(result.stderr)")
        let svg = try SVGGeometry(Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(svg.smallestPrintedText >= 6 - 0.01)
        #expect(svg.groups("edge").filter { $0.classes.contains("path") }.count >= 3)
        // Faded context: at most 6 entities for each entity on a path (Fuzhou alone has 28
        // neighbours, which drawn all made the figure refuse to fit A3).
        let onPaths = svg.entityNodes.filter { $0.classes.contains("path") }.count
        let faded = svg.entityNodes.count - onPaths
        #expect(onPaths >= 3 && faded > 0 && faded <= 6 * onPaths, "\(onPaths) on paths, \(faded) faded")
    }

    @Test func pageOptionsThatCannotWorkAreUsageErrors() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("never-\(UUID().uuidString).svg").path
        for arguments in [["--page", "a5"], ["--page", "20x30"], ["--orientation", "landscape"],
                          ["--page", "a4", "--orientation", "sideways"], ["--radius", "2"], ["--focus", "fuzhou-psb", "--radius", "0"],
                          ["--k", "2"], ["--path", "fuzhou-psb"], ["--focus", "fuzhou-psb", "--path", "a", "b"],
                          ["--path", "fuzhou-psb", "station-rotterdam", "--k", "0"], ["--label-min-degree", "0"]] {
            let result = try Outpost.run(["render", bundled, "-o", out] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.status) \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        let unknown = try Outpost.run("render", bundled, "-o", out, "--focus", "nobody-at-all")
        #expect(unknown.status == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
