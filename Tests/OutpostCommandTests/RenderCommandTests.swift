import Foundation
import OutpostTestSupport
import Testing

@Suite struct RenderCommandTests {
    let mini = "Tests/Data/mini"

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func rendersSVGAndPrintsASummary() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("mini.svg").path
        let result = try Outpost.run("render", mini, "-o", out, "--edge-labels", "--cluster-by", "country", "--layer", "all")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let summary = result.stderr.split(separator: "\n")
        #expect(summary.count == 1)
        #expect(summary.first?.hasPrefix("wrote \(out): svg, ") == true)
        #expect(result.stderr.contains("3 nodes, 3 edges; dot layout"))
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.contains("<svg"))
        #expect(svg.contains(">investigated</text>"))
        #expect(svg.contains("cluster_country_"))
    }

    @Test func formatComesFromTheExtensionUnlessGiven() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("m.png").path
        #expect(try Outpost.run("render", mini, "-o", png, "--engine", "neato").status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: png)).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pdf = dir.appendingPathComponent("m.out").path
        #expect(try Outpost.run("render", mini, "-o", pdf, "--format", "pdf").status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)).starts(with: Data("%PDF".utf8)))
        let none = try Outpost.run("render", mini, "-o", dir.appendingPathComponent("m.jpeg").path)
        #expect(none.status == 64)
        #expect(none.stderr.contains("valid formats: svg, png, pdf, dot"))
    }

    @Test func filtersApply() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("confirmed.svg").path
        let result = try Outpost.run("render", mini, "-o", out, "--min-status", "confirmed", "--layer", "all")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("3 nodes, 1 edges"))
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!svg.contains("stroke-dasharray=\"5,2\""))
        #expect(svg.contains("all layers; confirmed only"))
        let dropped = try Outpost.run("render", mini, "-o", out, "--min-status", "confirmed", "--drop-isolated", "--layer", "all")
        #expect(dropped.stderr.contains("2 nodes, 1 edges"), "\(dropped.stderr)")
    }

    @Test func highlightPathResolvesNamesAndAliases() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("path.svg").path
        let result = try Outpost.run("render", mini, "-o", out, "--highlight-path", "春田市公安局", "Shelbyville city council", "--layer", "all")
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.components(separatedBy: "class=\"edge path\"").count - 1 == 3)
        let filtered = try Outpost.run("render", mini, "-o", out, "--kind", "police-station", "government-body",
                                       "--highlight-path", "springfield-psb", "shelbyville-council")
        #expect(filtered.status == 1)
        #expect(filtered.stderr.contains("not in the filtered graph"))
    }

    @Test func badChoicesAreUsageErrors() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("x.svg").path
        let engine = try Outpost.run("render", mini, "-o", out, "--engine", "spring")
        #expect(engine.status == 64)
        #expect(engine.stderr.contains("valid engines: dot, neato, fdp, sfdp, circo, twopi"))
        let path = try Outpost.run("render", mini, "-o", out, "--highlight-path", "springfield-psb")
        #expect(path.status == 64)
        #expect(!FileManager.default.fileExists(atPath: out), "a failed render leaves no file")
    }

    @Test func sizeByCentralityChangesNodeSizes() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var outputs: [String: String] = [:]
        for measure in ["degree", "pagerank", "betweenness"] {
            let out = dir.appendingPathComponent("\(measure).dot").path
            let result = try Outpost.run("render", mini, "-o", out, "--size-by", measure)
            #expect(result.status == 0, "\(result.stderr)")
            outputs[measure] = try String(contentsOfFile: out, encoding: .utf8)
        }
        #expect(outputs["pagerank"] != outputs["degree"])
        #expect(outputs["betweenness"] != outputs["pagerank"])
        #expect(outputs["betweenness"]?.contains("betweenness") == true, "the legend names the measure")
    }

    @Test func colorByCommunityFillsByLeidenCommunity() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let byKind = dir.appendingPathComponent("kind.dot").path, byCommunity = dir.appendingPathComponent("community.dot").path
        #expect(try Outpost.run("render", "Tests/Fixtures/graphs/karate.graphml", "-o", byKind).status == 0)
        let result = try Outpost.run("render", "Tests/Fixtures/graphs/karate.graphml", "-o", byCommunity, "--color-by", "community")
        #expect(result.status == 0, "\(result.stderr)")
        let kindDOT = try String(contentsOfFile: byKind, encoding: .utf8)
        let communityDOT = try String(contentsOfFile: byCommunity, encoding: .utf8)
        func fills(_ dot: String) -> Set<String> {
            Set(dot.split(separator: "\n").compactMap { line in
                guard let range = line.range(of: "fillcolor=\"") else { return nil }
                return String(line[range.upperBound...].prefix(7))
            })
        }
        #expect(fills(communityDOT).count >= 3, "karate splits into several communities, each with its own fill")
        #expect(fills(communityDOT).count > fills(kindDOT).count)
    }

    @Test func aFailedRenderLeavesAnExistingFileUntouched() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("keep.svg")
        try Data("previous".utf8).write(to: out)
        let result = try Outpost.run("render", mini, "-o", out.path, "--highlight-path", "springfield-psb", "nobody-at-all")
        #expect(result.status == 1)
        #expect(try Data(contentsOf: out) == Data("previous".utf8))
    }

    @Test func plainGraphsRenderWithoutKindStyling() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A wheel: a hub linked to 12 rim nodes, and the rim a cycle.
        let csv = dir.appendingPathComponent("wheel.csv")
        var lines = ["source,target"]
        for i in 1...12 { lines += ["hub,r\(i)", "r\(i),r\(i % 12 + 1)"] }
        try Data(lines.joined(separator: "\n").utf8).write(to: csv)
        let out = dir.appendingPathComponent("wheel.svg").path
        let result = try Outpost.run("render", csv.path, "-o", out, "--engine", "sfdp", "--size-by", "degree")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("13 nodes, 24 edges"))
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == 13)
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == 24)
        #expect(svg.contains("size: degree"))
        #expect(svg.contains("Graph: wheel.csv"))
        let filtered = try Outpost.run("render", csv.path, "-o", out, "--min-status", "confirmed")
        #expect(filtered.status == 64)
        let jurisdiction = try Outpost.run("render", csv.path, "-o", out, "--cluster-by", "jurisdiction")
        #expect(jurisdiction.status == 64)
    }
}
