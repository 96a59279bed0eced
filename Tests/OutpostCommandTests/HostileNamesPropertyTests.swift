import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OutpostTestSupport
import Testing

/// A property of every output: whatever names, aliases, cities and excerpts a dataset holds,
/// the SVG figure and the HTML report contain no markup from the data, and tables, CSV and
/// messages contain no control or bidirectional-override character. Datasets are drawn at
/// random from pieces a hostile source would use, with fixed seeds so a failure repeats.
@Suite struct HostileNamesPropertyTests {
    /// SplitMix64: a small seeded generator, so that every run draws the same datasets.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = ["<script>alert(1)</script>", "</script>", "<x-evil>", "]]><x-evil/>", "\" onerror=\"alert(1)",
                         "' onload='alert(2)", "<!--", "-->", "&amp;", "&", "{", "}", "\\", "\u{1B}[31m", "\u{1B}]0;owned\u{07}",
                         "\u{9B}2J", "\u{202E}", "\u{2066}", "\n", "\r\n", "\t", "\u{2028}", "\u{0}", "福州", "Zürich", "x", "Station"]

    /// Markup the data could smuggle in if any value reached SVG or HTML unescaped.
    /// (An escaped `&quot; onerror=` is text; an attribute needs the raw quote.)
    static let markup = ["<script", "<x-evil", "\" onerror=", "' onload="]

    static func hostileText(_ rng: inout SeededGenerator) -> String {
        // A letter first: a value of only whitespace is (rightly) refused as empty by validate.
        "n" + (0..<Int.random(in: 1...5, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    /// A YAML double-quoted scalar: quotes and backslashes escaped, every character outside
    /// printable ASCII and ordinary letters written as \u escapes.
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || (0x2000...0x206F).contains(v) || v == 0xFEFF {
                    out += String(format: "\\u%04X", v)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func dataset(seed: UInt64) -> String {
        var rng = SeededGenerator(state: seed)
        func q() -> String { yamlQuoted(hostileText(&rng)) }
        let cite = { (excerpt: String) in "    cite:\n      - source: src\n        excerpt: \(excerpt)\n" }
        var yaml = "sources:\n  - id: src\n    title: \(q())\n    publisher: \(q())\n    url: https://example.org/a\n"
        yaml += "entities:\n"
        for (id, kind) in [("bureau", "public-security-bureau"), ("station-a", "police-station"),
                           ("station-b", "police-station"), ("host", "association")] {
            yaml += "  - id: \(id)\n    kind: \(kind)\n    name: \(q())\n    aliases: [\(q())]\n    country: \(q())\n    city: \(q())\n" + cite(q())
        }
        yaml += "relations:\n"
        for (from, type, to) in [("bureau", "established", "station-a"), ("bureau", "established", "station-b"),
                                 ("station-a", "hosted-at", "host")] {
            yaml += "  - from: \(from)\n    type: \(type)\n    to: \(to)\n    status: reported\n    note: \(q())\n" + cite(q())
        }
        return yaml
    }

    static func isUnsafeForTerminal(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(v) || [0x2028, 0x2029, 0x202E, 0x2066].contains(v)
    }

    @Test(arguments: 1...6 as ClosedRange<UInt64>) func hostileDataNeverBecomesMarkupOrTerminalControl(_ seed: UInt64) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("hostile.yaml").path
        try Self.dataset(seed: seed).write(toFile: file, atomically: true, encoding: .utf8)
        if let keep = ProcessInfo.processInfo.environment["OUTPOST_KEEP_HOSTILE"] {
            try Self.dataset(seed: seed).write(toFile: keep + "/hostile-\(seed).yaml", atomically: true, encoding: .utf8)
        }

        let validate = try Outpost.run("validate", file)
        #expect(validate.status == 0, "seed \(seed): \(validate.stdout)\(validate.stderr)")

        let textCommands: [[String]] = [
            ["stats", file], ["show", file, "station-a"], ["show", file, "bureau", "--format", "csv"],
            ["find", file, "a"], ["centrality", file, "--measure", "degree"],
            ["centrality", file, "--measure", "betweenness", "--format", "csv"], ["path", file, "host", "station-b", "--explain"],
            ["path", file, "host", "station-b", "--format", "csv"], ["structure", file], ["communities", file],
            ["ego", file, "bureau"], ["show", file, "no-such-entity"],
        ]
        for arguments in textCommands {
            let result = try Outpost.run(arguments)
            let unsafe = (result.stdout + result.stderr).unicodeScalars.filter(Self.isUnsafeForTerminal)
            #expect(unsafe.isEmpty, "seed \(seed), \(arguments.dropFirst(2).joined(separator: " ")): \(unsafe.map { String($0.value, radix: 16) })")
        }

        let svg = dir.appendingPathComponent("x.svg").path, html = dir.appendingPathComponent("r.html").path
        let render = try Outpost.run("render", file, "-o", svg, "--layer", "all", "--edge-labels")
        #expect(render.status == 0, "\(render.stderr)")
        let report = try Outpost.run("report", file, "-o", html, "--path", "host", "station-b")
        #expect(report.status == 0, "\(report.stderr)")
        for path in [svg, html] {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for token in Self.markup {
                #expect(text.range(of: token, options: .caseInsensitive) == nil, "seed \(seed): \(token) in \(path)")
            }
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && !["\n", "\t", "\r"].contains($0) }, "seed \(seed): control character in \(path)")
        }
        // The SVG is well-formed XML: no value broke out of its attribute or text node.
        #expect(XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: svg))).parse(), "seed \(seed): SVG is not well-formed")
    }
}
