import Foundation
import OutpostAnalysis
import OutpostGraph
import OutpostRender

/// An interactive explorer of one input: a single self-contained HTML file with the laid-out
/// diagram, the entities, relations and citations as JSON, and a small script
/// (``ExplorerAssets/script``) that pans, zooms, searches, filters and finds paths in the page.
///
/// The page fetches nothing: its Content-Security-Policy allows only its own inline script and
/// style (by SHA-256 hash) and images from `data:`; every piece of data text is JSON inside a
/// `<script type="application/json">` element (with `<`, `>`, `&`, U+2028 and U+2029 escaped)
/// and the script writes it with `textContent` only. Layout is Graphviz's, in process.
///
/// ```swift
/// let network = try LoadedNetwork(contentsOf: "Graphs/overseas-police-stations", filter: .everything)
/// try Explorer(network).html().write(toFile: "explorer.html", atomically: true, encoding: .utf8)
/// ```
public struct Explorer: Sendable {
    /// What the page includes: every entity and relation the filter keeps.
    public let network: LoadedNetwork
    /// The page's title.
    public let title: String
    /// The `generator` meta tag's content.
    public let generator: String

    /// - Parameters:
    ///   - network: the input as the page shows it (for a dataset, its filter decides what is included).
    ///   - title: the title; nil: the dataset's title (or name), or the plain graph's name.
    ///   - generator: the `generator` meta tag (the program and version that wrote the page).
    public init(_ network: LoadedNetwork, title: String? = nil, generator: String = "Outpost") {
        self.network = network.graph.isDirected ? network.redirected(false) : network
        self.title = title ?? network.dataset.map { $0.title ?? $0.name } ?? network.name
        self.generator = generator
    }

    /// The data the page reads, as JSON text (not yet escaped for HTML):
    /// `{"title", "filter", "dataset", "entities": [{"id", "name", "kind", "aliases", "country", "city", "cite"}],
    /// "relations": [{"from", "to", "type", "directed", "status", "layer", "start", "end", "date",
    /// "lo", "hi", "by", "note", "cite": [{"source", "excerpt"}]}], "sources": {id: {"title",
    /// "publisher", "date", "url"}}}`. Entity *k* is node `n-k` of the diagram, relation *k* edge `e-k`;
    /// `lo` and `hi` are the first and last day (`yyyymmdd`) a relation can hold, for the as-of control.
    public func dataJSON() -> String {
        var entities: [JSONText] = []
        var relations: [JSONText] = []
        var sources: [(String, JSONText)] = []
        if let view = network.view {
            var cited = Set<String>()
            func citations(_ list: [Citation]) -> JSONText {
                cited.formUnion(list.map(\.source))
                return .array(list.map { .object([("source", .string($0.source)), ("excerpt", .string($0.excerpt))]) })
            }
            for e in view.entities {
                entities.append(.object([("id", .string(e.id)), ("name", .string(e.name)), ("kind", .string(e.kind.rawValue)),
                                         ("aliases", .array(e.aliases.map(JSONText.string))),
                                         ("country", e.country.map(JSONText.string) ?? .null),
                                         ("city", e.city.map(JSONText.string) ?? .null),
                                         ("cite", citations(e.citations))]))
            }
            for r in view.relations {
                func date(_ d: PartialDate?) -> JSONText { d.map { .string($0.description) } ?? .null }
                let begin = r.start ?? r.date
                relations.append(.object([
                    ("from", .string(r.from)), ("to", .string(r.to)), ("type", .string(r.type.rawValue)),
                    ("directed", .bool(r.isDirected)), ("status", .string(r.status.rawValue)),
                    ("layer", .string(r.layer.rawValue)), ("start", date(r.start)), ("end", date(r.end)),
                    ("date", date(r.date)), ("lo", begin.map { .int($0.earliest) } ?? .null),
                    ("hi", r.end.map { .int($0.latest) } ?? .null),
                    ("by", .array(r.by.map(JSONText.string))), ("note", r.note.map(JSONText.string) ?? .null),
                    ("cite", citations(r.citations)),
                ]))
            }
            for s in view.dataset.sources where cited.contains(s.id) {
                sources.append((s.id, .object([("title", .string(s.title)), ("publisher", s.publisher.map(JSONText.string) ?? .null),
                                               ("date", s.date.map { .string($0.description) } ?? .null),
                                               ("url", s.url.flatMap(HTML.linkableURL).map(JSONText.string) ?? .null)])))
            }
        } else {
            let graph = network.graph
            for v in 0..<graph.nodeCount {
                entities.append(.object([("id", .string(graph.nodeIDs[v])), ("name", .string(graph.name(of: v))),
                                         ("kind", .null), ("aliases", .array([])), ("country", .null), ("city", .null), ("cite", .array([]))]))
            }
            for e in 0..<graph.edgeCount {
                let attributes = graph.attributes(ofEdge: e)
                relations.append(.object([
                    ("from", .string(graph.nodeIDs[Int(graph.edgeSources[e])])), ("to", .string(graph.nodeIDs[Int(graph.edgeTargets[e])])),
                    ("type", attributes["relation"].map(JSONText.string) ?? .null), ("directed", .bool(false)),
                    ("status", attributes["status"].map(JSONText.string) ?? .null), ("layer", .null),
                    ("start", .null), ("end", .null), ("date", .null), ("lo", .null), ("hi", .null),
                    ("by", .array([])), ("note", .null), ("cite", .array([])),
                ]))
            }
        }
        let filter = network.view.map { $0.filter.isEmpty ? "everything" : $0.filter.summary } ?? "plain graph"
        return JSONText.object([("title", .string(title)), ("filter", .string(filter)), ("dataset", .bool(network.isDataset)),
                                ("entities", .array(entities)), ("relations", .array(relations)),
                                ("sources", .object(sources))]).rendered
    }

    /// The diagram as SVG for inline use, with `id="n-k"` on entity *k*'s node and `id="e-k"`
    /// on relation *k*'s edge.
    public func svg() throws -> String {
        var styled = try network.diagram(DiagramOptions(title: title)).styled
        var order: [String: Int] = [:]
        for (k, id) in (network.view?.entities.map(\.id) ?? network.graph.nodeIDs).enumerated() where order[id] == nil { order[id] = k }
        for i in styled.nodes.indices {
            if let k = order[styled.nodes[i].id] { styled.nodes[i].attributes.set(.plain("id", "n-\(k)")) }
        }
        for c in styled.clusters.indices {
            for i in styled.clusters[c].nodes.indices {
                if let k = order[styled.clusters[c].nodes[i].id] { styled.clusters[c].nodes[i].attributes.set(.plain("id", "n-\(k)")) }
            }
        }
        for k in styled.edges.indices { styled.edges[k].attributes.set(.plain("id", "e-\(k)")) }
        let nodeCount = network.graph.nodeCount
        let engine: LayoutEngine = LayoutEngine.dot.advice(nodeCount: nodeCount) == nil ? .dot : .sfdp
        let rendering = try GraphvizRenderer().render(dot: DOTWriter().write(styled), engine: engine, format: .svg)
        return try HTML.inlineSVG(String(decoding: rendering.data, as: UTF8.self))
    }

    /// The Content-Security-Policy of the page: nothing from anywhere but the page's own inline
    /// script and style (by hash).
    public static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'sha256-\(SHA256.base64(ExplorerAssets.script))'; "
            + "style-src 'sha256-\(SHA256.base64(ExplorerAssets.style))'; img-src data:; "
            + "base-uri 'none'; form-action 'none'"
    }

    /// JSON made safe inside a `<script type="application/json">` element.
    public static func scriptSafe(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The explorer as one HTML document.
    /// - Throws: ``RenderError`` or ``InlineSVGError`` when the diagram cannot be drawn or inlined.
    public func html() throws -> String {
        let svg = try svg()
        let e = HTML.escape
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(e(Explorer.contentSecurityPolicy))">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="\(e(generator))">
        <title>\(e(title))</title>
        <style>\(ExplorerAssets.style)</style>
        </head>
        <body>
        <header><h1>\(e(title))</h1><p id="counts" aria-live="polite"></p></header>
        <div id="layout">
        <aside id="controls" aria-label="Search and filters">
        <label for="search">Search</label>
        <input id="search" type="search" autocomplete="off" placeholder="name, alias, id, city">
        <ul id="search-hits"></ul>
        <fieldset id="path"><legend>Path</legend>
        <input id="path-from" autocomplete="off" placeholder="from: id, name or alias">
        <input id="path-to" autocomplete="off" placeholder="to: id, name or alias">
        </fieldset>
        <fieldset><legend>As of</legend><input id="as-of" type="text" placeholder="YYYY[-MM[-DD]]" inputmode="numeric"></fieldset>
        <fieldset id="filter-status"><legend>Status</legend></fieldset>
        <fieldset id="filter-layer"><legend>Layer</legend></fieldset>
        <fieldset id="filter-kind"><legend>Kind</legend></fieldset>
        <fieldset id="filter-country"><legend>Country</legend></fieldset>
        </aside>
        <main id="view" tabindex="0" aria-label="Network diagram: drag to pan, wheel or + and - to zoom, 0 to fit">
        <div id="toolbar"><button id="zoom-in" type="button">+</button><button id="zoom-out" type="button">−</button><button id="fit" type="button">Fit</button></div>
        \(svg)
        </main>
        <aside id="side"><section id="details" aria-live="polite"><p class="hint">Click a node to read its relations and their sources.</p></section>
        <section id="path-result" aria-live="polite"></section></aside>
        </div>
        <script type="application/json" id="explorer-data">\(Explorer.scriptSafe(dataJSON()))</script>
        <script>\(ExplorerAssets.script)</script>
        </body>
        </html>

        """
    }
}

/// A JSON value written in a fixed order (so the same input gives the same bytes).
enum JSONText {
    case string(String), int(Int), bool(Bool), null
    case array([JSONText])
    case object([(String, JSONText)])

    var rendered: String {
        switch self {
        case let .string(s): return JSONText.quoted(s)
        case let .int(i): return String(i)
        case let .bool(b): return b ? "true" : "false"
        case .null: return "null"
        case let .array(items): return "[" + items.map(\.rendered).joined(separator: ",") + "]"
        case let .object(fields): return "{" + fields.map { JSONText.quoted($0.0) + ":" + $0.1.rendered }.joined(separator: ",") + "}"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

/// SHA-256 (FIPS 180-4), for the Content-Security-Policy hashes of the inline script and style.
enum SHA256 {
    static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The digest of `text`'s UTF-8 bytes, in base64 (as CSP hash sources write it).
    static func base64(_ text: String) -> String { Data(digest(Array(text.utf8))).base64EncodedString() }

    static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var bytes = message
        let bitLength = UInt64(message.count) * 8
        bytes.append(0x80)
        while bytes.count % 64 != 56 { bytes.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        var w = [UInt32](repeating: 0, count: 64)
        for block in stride(from: 0, to: bytes.count, by: 64) {
            for t in 0..<16 {
                let i = block + t * 4
                w[t] = UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
            }
            for t in 16..<64 {
                let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for t in 0..<64 {
                let t1 = hh &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[t] &+ w[t]
                let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
                (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            for (i, v) in [a, b, c, d, e, f, g, hh].enumerated() { h[i] = h[i] &+ v }
        }
        return h.flatMap { v in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: v >> UInt32($0)) } }
    }
}
