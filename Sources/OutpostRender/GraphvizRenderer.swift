import CGraphviz
import Foundation

/// A Graphviz layout engine.
public enum LayoutEngine: String, Sendable, CaseIterable {
    /// Layered (hierarchical): reads the direction of relations; clusters supported.
    case dot
    /// Spring model (stress majorisation).
    case neato
    /// Force-directed; clusters supported.
    case fdp
    /// Multiscale force-directed: the engine for large graphs.
    case sfdp
    /// Circular.
    case circo
    /// Radial, around a centre node.
    case twopi

    /// Parses a name; an unknown one is an error listing the valid choices.
    public init(parsing name: String) throws {
        guard let engine = LayoutEngine(rawValue: name.lowercased()) else {
            throw RenderError.unknownEngine(name)
        }
        self = engine
    }

    /// Above this many nodes, `dot` can take minutes to hours on graphs with cycles.
    public static let dotNodeLimit = 2_000

    /// The engines worth trying for a graph of this size, for
    /// ``GraphvizRenderer/render(_:choosingAmong:format:page:)`` to keep the one that fits a
    /// page best.
    ///
    /// Measured on the bundled dataset's network layer (245 entities, 146 relations, 100
    /// entities without one; components packed for A3, legend composed, drawing with
    /// padding), as points and the scale at which it fits A3: neato with compact settings
    /// (``StyledGraph/compacted``) 1955 × 1384 (0.56, the choice), twopi 2314 × 1610 (0.48),
    /// fdp 2338 × 1624 (0.47), circo 2393 × 1697 (0.45), dot 1808 × 2517 (0.43), sfdp
    /// 2557 × 1814 (0.42), neato by default 1895 × 2522 (0.41). Before components were packed
    /// and shapes sized to their labels, dot drew a 2140 × 10755 strip (0.10). dot is kept for small
    /// sparse graphs, where its left-to-right reading wins; it is left out above 500 nodes
    /// or with more than 1.5 relations per node, where it can take minutes (a random graph
    /// of 300 nodes and 600 relations took 56 s). fdp is left out (28 s at 500 nodes) and
    /// circo too (it sprawls). twopi and sfdp take under a second at 2,000 nodes; neato
    /// takes 4 s at 1,000 and is kept up to that.
    public static func automatic(nodeCount: Int, edgeCount: Int) -> [LayoutEngine] {
        var engines: [LayoutEngine] = []
        if nodeCount <= 500 && Double(edgeCount) <= 1.5 * Double(max(nodeCount, 1)) { engines.append(.dot) }
        engines.append(.twopi)
        if nodeCount <= 1_000 { engines.append(.neato) }
        engines.append(.sfdp)
        return engines
    }

    /// Advice for drawing `nodeCount` nodes with this engine, or nil when there is none.
    public func advice(nodeCount: Int) -> String? {
        guard self == .dot, nodeCount > LayoutEngine.dotNodeLimit else { return nil }
        return "dot on \(nodeCount) nodes (over \(LayoutEngine.dotNodeLimit)) may take a very long time; try --engine sfdp"
    }
}

/// An output format Graphviz writes.
public enum RenderFormat: String, Sendable, CaseIterable {
    case svg, png, pdf
    /// DOT text with the layout's positions (`pos`, `bb`…).
    case dot

    public init(parsing name: String) throws {
        guard let format = RenderFormat(rawValue: name.lowercased()) else { throw RenderError.unknownFormat(name) }
        self = format
    }

    /// The format a file name's extension names (`.svg`, `.png`, `.pdf`, `.dot` or `.gv`).
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "gv": self = .dot
        default:
            guard let format = RenderFormat(rawValue: pathExtension.lowercased()) else { return nil }
            self = format
        }
    }
}

/// What went wrong in layout or rendering.
public enum RenderError: Error, CustomStringConvertible, Sendable {
    case unknownEngine(String)
    case unknownFormat(String)
    /// Graphviz could not read the DOT text.
    case unreadableDOT(messages: [String])
    case layoutFailed(engine: LayoutEngine, messages: [String])
    case renderFailed(format: RenderFormat, messages: [String])
    /// A page size that is not `a4`, `a3`, `letter` or `WxH` with a unit.
    case unknownPage(String)
    /// The drawing (`width` × `height` points, smallest text `smallestText` points) fits the
    /// page only at `scale`, which would print text under ``Page/minimumTextSize``.
    case doesNotFit(page: Page, width: Double, height: Double, smallestText: Double, scale: Double)

    public var description: String {
        func detail(_ messages: [String]) -> String { messages.isEmpty ? "" : ": " + messages.joined(separator: "; ") }
        switch self {
        case let .unknownEngine(name):
            return "unknown layout engine '\(name)'; valid engines: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", "))"
        case let .unknownFormat(name):
            return "unknown output format '\(name)'; valid formats: \(RenderFormat.allCases.map(\.rawValue).joined(separator: ", "))"
        case let .unreadableDOT(messages):
            return "Graphviz could not read the DOT text" + detail(messages)
        case let .layoutFailed(engine, messages):
            return "Graphviz layout with \(engine.rawValue) failed" + detail(messages)
        case let .renderFailed(format, messages):
            return "Graphviz could not render \(format.rawValue)" + detail(messages)
        case let .unknownPage(text):
            return "unknown page '\(text)'; use a4, a3, letter or WIDTHxHEIGHT with a unit in, cm, mm or pt (8.5x11in, 20x30cm)"
        case let .doesNotFit(page, width, height, smallestText, scale):
            func f(_ x: Double) -> String { String(format: "%.1f", x) }
            let needed = Page.minimumTextSize / smallestText
            return "the figure is \(Int(width.rounded())) × \(Int(height.rounded())) pt with text down to \(f(smallestText)) pt; "
                + "on \(page) it fits only at scale \(String(format: "%.2f", scale)), printing that text at \(String(format: "%.2f", smallestText * scale)) pt, "
                + "under the \(f(Page.minimumTextSize)) pt minimum (it would need scale \(String(format: "%.2f", needed))). "
                + "Draw a focused figure instead (one entity's neighbourhood, the paths between two entities, one country), "
                + "or split the network by component or community, or use a larger page"
        }
    }
}

/// The result of a render: the file's bytes and what Graphviz warned about.
public struct Rendering: Sendable {
    public var data: Data
    /// Graphviz's warnings (and non-fatal errors) for this render, one message each, without
    /// the `Warning: ` prefix; plus ``LayoutEngine/advice(nodeCount:)``.
    public var warnings: [String]
    public var nodeCount: Int
    public var edgeCount: Int
    /// How the drawing was fitted to a page, when one was asked for.
    public var pageFit: Page.Fit?
    /// The engine that laid out the network (the one chosen, when several were tried).
    public var engine: LayoutEngine
}

/// Lays out and renders DOT text with Graphviz's C library, in process.
///
/// This is the only type that touches Graphviz's C pointers. The library (2.42 here) is not
/// thread-safe — its parser, error state, plugin jobs and font cache are process-wide — so
/// every call into it runs under one process-wide lock, on one `GVC_t` context created on first
/// use and never freed (freeing a context and making another leaks and leaves a dangling font
/// pointer in the pango plugin). Each render parses a fresh graph (`agmemread`, then
/// `aglexbad` to reset the scanner), lays it out (`gvLayout`), renders it (`gvRenderData`,
/// copied by length since PNG and PDF contain NUL bytes), and frees the buffer (even when the
/// render fails), the layout and the graph. Graphviz's messages are captured through
/// `agseterrf` and returned as Swift errors and warnings instead of going to stderr; a few
/// that Graphviz prints directly (cairo's "graph is too large for bitmaps") still reach stderr.
///
/// Memory, measured on this machine (Debian 12, Graphviz 2.42.2, Swift 6.3.1 release build):
/// rendering the bundled dataset (110 entities, 118 relations, plus the legend) 200 times in
/// one process with one renderer, resident memory went
///   - svg with dot: 36.4 MB after the first render → 37.2 MB after 200 (about 4 KB a render,
///     consistent with dot's known leak when breaking cycles, `acyclic` → `virtual_edge`);
///   - svg with sfdp: 37.0 → 37.6 MB;
///   - png with dot: 36.8 → 37.7 MB (cairo's caches settle after the first renders).
/// Valgrind on the 3-entity test dataset (2 against 12 renders, dot, svg) shows about 2 KB
/// lost per render, all inside Graphviz 2.42: its HTML-like label parser (`htmlparse`, and
/// pango's markup parser under `make_html_label`) never frees what it allocates for the title
/// label; nothing that this type allocates or frees is among the losses.
/// Repeated renders are therefore fine for a long-running process. Time per render of that
/// dataset: about 0.03 s (dot) to 0.13 s (fdp) for svg; 0.8–1.8 s for png, where cairo's
/// rasterising dominates (circo's sprawling layout took 20 s as png).
public struct GraphvizRenderer: Sendable {
    public init() {}

    /// The Graphviz version the library reports (2.43.0 for Debian's 2.42.2 package).
    public static var version: String {
        Session.shared.withContext { context in
            gvcVersion(context).map { String(cString: $0) } ?? "unknown"
        }
    }

    /// Lays out `dot` with `engine` and renders it as `format`.
    ///
    /// The DOT text is trusted as a description of the drawing: attributes in it (a `layout=`,
    /// an `image=`) are honoured by Graphviz. Text from ``DOTWriter`` sets none of these.
    /// - Throws: ``RenderError`` with Graphviz's messages when the text cannot be read, laid
    ///   out or rendered.
    /// - Complexity: that of the engine; `dot` can be very slow on large graphs with cycles
    ///   (see ``LayoutEngine/advice(nodeCount:)``), and the call cannot be cancelled.
    public func render(dot: String, engine: LayoutEngine = .dot, format: RenderFormat = .svg) throws -> Rendering {
        try Session.shared.withContext { context in
            try Session.render(context: context, dot: dot, engine: engine, format: format)
        }
    }

    /// Lays out a styled graph with `engine`, its legend apart with `dot`, and renders both as
    /// one drawing in `format`, optionally fitted to `page`.
    ///
    /// The engine places only the network (``StyledGraph/network``: no legend, no title), so
    /// no engine can mix the legend's samples with the entities. The legend
    /// (``StyledGraph/legendGraph(row:)``) is laid out alone with `dot`, as a column to put
    /// beside the network and as a row to put below it; the one giving the smaller drawing
    /// (with a page: the larger scale) is used, top- or left-aligned with a gap of 0.3 in. The whole graph is then drawn from those positions with Graphviz's `nop2`
    /// layout (`neato -n2`: nodes, edge splines, cluster boxes and label positions as given),
    /// which places the title and caption and renders any format; in SVG the legend is one
    /// group, `<g id="legend">`, holding its box, samples and lines.
    ///
    /// With `page`, the drawing and its padding are scaled down (never up) to the page's
    /// printable area (``Page/fit(width:height:)``); SVG and PDF then measure that size in points.
    /// For `dot`, both reading directions (left to right, top to bottom) are laid out and the
    /// one drawn larger on the page is kept; the legend goes on the side that fits best.
    /// - Throws: ``RenderError`` when Graphviz fails; ``RenderError/doesNotFit(page:width:height:smallestText:scale:)``
    ///   when the page would print the smallest text (``StyledGraph/smallestFontSize``) under
    ///   ``Page/minimumTextSize``.
    /// - Complexity: that of `engine` on the network, plus linear work to compose.
    public func render(_ graph: StyledGraph, engine: LayoutEngine = .dot, format: RenderFormat = .svg,
                       page: Page? = nil) throws -> Rendering {
        try render(graph, choosingAmong: [engine], format: format, page: page)
    }

    /// Lays out a styled graph with each of `engines` and keeps the drawing that fits `page`
    /// (A3 when nil) at the largest scale: the most compact one with a page-like shape.
    /// Otherwise as ``render(_:engine:format:page:)``; ``Rendering/engine`` says which won.
    /// ``LayoutEngine/automatic(nodeCount:edgeCount:)`` gives the engines worth trying.
    /// - Complexity: the sum of the engines' layouts.
    public func render(_ graph: StyledGraph, choosingAmong engines: [LayoutEngine], format: RenderFormat = .svg,
                       page: Page? = nil) throws -> Rendering {
        let engines = engines.isEmpty ? [LayoutEngine.dot] : engines
        var rendering = try Session.shared.withContext { context in
            try Session.renderComposed(context: context, graph: graph, engines: engines, format: format, page: page)
        }
        if format == .svg, graph.legendGraph() != nil {
            rendering.data = Data(SVGComposition.groupingLegend(String(decoding: rendering.data, as: UTF8.self)).utf8)
        }
        return rendering
    }
}

/// Text edits on Graphviz SVG and on its coordinate attributes, in pure Swift.
enum SVGComposition {
    /// Moves every node and edge group whose class includes `legend` into the `<g id="legend">`
    /// cluster group, so that the legend is one group. Graphviz writes groups flat (a node's
    /// group holds only its own shapes and anchors), so each is found by its balanced `</g>`.
    static func groupingLegend(_ svg: String) -> String {
        guard let legendStart = svg.range(of: "<g id=\"\(StyledLegend.svgID)\" class=\"cluster\"") else { return svg }
        var text = svg
        var moved: [String] = []
        var searchFrom = text.startIndex
        while let start = text.range(of: "<g id=\"", range: searchFrom..<text.endIndex) {
            guard let tagEnd = text[start.upperBound...].firstIndex(of: ">") else { break }
            let tag = text[start.lowerBound...tagEnd]
            let isLegendPart = (tag.contains("class=\"node legend\"") || tag.contains("class=\"edge legend\""))
            guard isLegendPart, let end = balancedEnd(of: text, from: start.lowerBound) else {
                searchFrom = start.upperBound
                continue
            }
            moved.append(String(text[start.lowerBound..<end]))
            text.removeSubrange(start.lowerBound..<end)
            // Drop the line break Graphviz put after the group.
            if start.lowerBound < text.endIndex, text[start.lowerBound] == "\n" { text.remove(at: start.lowerBound) }
            searchFrom = start.lowerBound
        }
        guard !moved.isEmpty, let clusterStart = text.range(of: String(svg[legendStart])),
              let clusterEnd = balancedEnd(of: text, from: clusterStart.lowerBound) else { return svg }
        let closing = text.index(clusterEnd, offsetBy: -"</g>".count)
        text.insert(contentsOf: "\n" + moved.joined(separator: "\n") + "\n", at: closing)
        return text
    }

    /// The index just past the `</g>` that closes the `<g` starting at `start`.
    static func balancedEnd(of text: String, from start: String.Index) -> String.Index? {
        var depth = 0
        var i = start
        while i < text.endIndex {
            if text[i...].hasPrefix("<g ") || text[i...].hasPrefix("<g>") {
                depth += 1
            } else if text[i...].hasPrefix("</g>") {
                depth -= 1
                let end = text.index(i, offsetBy: 4)
                if depth == 0 { return end }
                i = end
                continue
            }
            i = text.index(after: i)
        }
        return nil
    }

    /// A Graphviz coordinate value (`pos` of a node or an edge's spline, `bb`, `lp`) moved by
    /// (`dx`, `dy`) points: every `x,y` pair shifts; the `e,` and `s,` markers of spline ends
    /// and a trailing `!` stay; splines separated by `;` each shift.
    static func translated(_ value: String, dx: Double, dy: Double) -> String {
        value.split(separator: ";", omittingEmptySubsequences: false).map { spline in
            spline.split(separator: " ", omittingEmptySubsequences: true).map { token -> String in
                var parts = token.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                let marker = parts.first.map { $0 == "e" || $0 == "s" } ?? false
                let first = marker ? 1 : 0
                var k = first
                while k + 1 < parts.count {
                    var y = parts[k + 1]
                    let pinned = y.hasSuffix("!")
                    if pinned { y.removeLast() }
                    if let a = Double(parts[k]), let b = Double(y) {
                        parts[k] = DOTWriter.format(a + dx)
                        parts[k + 1] = DOTWriter.format(b + dy) + (pinned ? "!" : "")
                    }
                    k += 2
                }
                return parts.joined(separator: ",")
            }.joined(separator: " ")
        }.joined(separator: ";")
    }

    /// The four numbers of a `bb` value (`llx,lly,urx,ury`).
    static func box(_ value: String?) -> (x1: Double, y1: Double, x2: Double, y2: Double)? {
        guard let value else { return nil }
        let numbers = value.split(separator: ",").compactMap { Double($0) }
        guard numbers.count == 4 else { return nil }
        return (numbers[0], numbers[1], numbers[2], numbers[3])
    }
}

/// Graphviz messages delivered through `agseterrf`; written only while `Session.lock` is held.
nonisolated(unsafe) private var capturedMessages = ""

/// The process's one Graphviz context and the lock that serialises every call into the library.
private final class Session: @unchecked Sendable {
    static let shared = Session()

    private let lock = NSLock()
    private let context: OpaquePointer

    private init() {
        context = gvContext()
        _ = agseterrf { piece in
            if let piece { capturedMessages += String(cString: piece) }
            return 0
        }
    }

    func withContext<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(context)
    }

    /// Messages captured since the last call, split into (errors, warnings).
    static func takeMessages() -> (errors: [String], warnings: [String]) {
        defer { capturedMessages = "" }
        var errors: [String] = [], warnings: [String] = []
        var current: (isError: Bool, text: String)?
        func flush() {
            guard let message = current else { return }
            let text = message.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty {
                if message.isError { errors.append(text) } else { warnings.append(text) }
            }
            current = nil
        }
        for line in capturedMessages.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("Error: ") || line.hasPrefix("Error:") {
                flush()
                current = (true, String(line.dropFirst("Error:".count)))
            } else if line.hasPrefix("Warning: ") || line.hasPrefix("Warning:") {
                flush()
                current = (false, String(line.dropFirst("Warning:".count)))
            } else if current != nil {
                current!.text += " " + line.trimmingCharacters(in: .whitespaces)
            } else {
                current = (false, String(line))
            }
        }
        flush()
        return (errors, warnings)
    }

    /// Parses DOT text into a fresh graph; nil with the errors thrown when it cannot.
    static func parse(_ dot: String) throws -> UnsafeMutablePointer<Agraph_t> {
        guard let graph = agmemread(dot) else {
            aglexbad()
            throw RenderError.unreadableDOT(messages: takeMessages().errors)
        }
        aglexbad()
        return graph
    }

    /// Renders `graph` as laid-out DOT and discards the text: Graphviz then holds its
    /// positions as attributes (`pos`, `bb`, `lp`, `width`, `height`) that `agget` reads.
    static func attachPositions(context: OpaquePointer, graph: UnsafeMutablePointer<Agraph_t>) throws {
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = gvRenderData(context, graph, "dot", &buffer, &length)
        if let buffer { gvFreeRenderData(buffer) }
        guard status == 0 else { throw RenderError.renderFailed(format: .dot, messages: takeMessages().errors) }
    }

    static func get(_ object: UnsafeMutableRawPointer, _ name: String) -> String? {
        name.withCString { key in
            agget(object, UnsafeMutablePointer(mutating: key)).map { String(cString: $0) }
        }.flatMap { $0.isEmpty ? nil : $0 }
    }

    static func set(_ object: UnsafeMutableRawPointer, _ name: String, _ value: String) {
        name.withCString { key in
            value.withCString { text in
                "".withCString { empty in
                    _ = agsafeset(object, UnsafeMutablePointer(mutating: key), UnsafeMutablePointer(mutating: text),
                                  UnsafeMutablePointer(mutating: empty))
                }
            }
        }
    }

    static func name(_ object: UnsafeMutableRawPointer) -> String {
        agnameof(object).map { String(cString: $0) } ?? ""
    }

    static func findNode(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String) -> UnsafeMutablePointer<Agnode_t>? {
        name.withCString { agnode(graph, UnsafeMutablePointer(mutating: $0), 0) }
    }

    static func findSubgraph(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String) -> UnsafeMutablePointer<Agraph_t>? {
        name.withCString { agsubg(graph, UnsafeMutablePointer(mutating: $0), 0) }
    }

    /// Every cluster subgraph of `graph`, nested ones included.
    static func clusters(of graph: UnsafeMutablePointer<Agraph_t>) -> [UnsafeMutablePointer<Agraph_t>] {
        var found: [UnsafeMutablePointer<Agraph_t>] = []
        var sub = agfstsubg(graph)
        while let s = sub {
            if name(UnsafeMutableRawPointer(s)).hasPrefix("cluster") { found.append(s) }
            found += clusters(of: s)
            sub = agnxtsubg(s)
        }
        return found
    }

    /// The positions a layout gave, read out of Graphviz so that its graph can be freed before
    /// the next layout (Graphviz keeps the last layout's attribute symbols and other state in
    /// globals; two laid-out graphs at once read each other's attributes, or crash).
    struct Positions {
        /// `pos`, `width`, `height` of each node, by name.
        var nodes: [String: [String: String]] = [:]
        /// `pos`, `lp` of each node's out-edges, in their order.
        var edges: [String: [[String: String]]] = [:]
        /// `bb`, `lp` of each cluster, by name.
        var clusters: [String: [String: String]] = [:]
        var boundingBox: (x1: Double, y1: Double, x2: Double, y2: Double) = (0, 0, 0, 0)
        var width: Double { boundingBox.x2 - boundingBox.x1 }
        var height: Double { boundingBox.y2 - boundingBox.y1 }

        /// Every coordinate moved by (`dx`, `dy`); sizes stay.
        func moved(dx: Double, dy: Double) -> Positions {
            func move(_ values: [String: String]) -> [String: String] {
                Dictionary(uniqueKeysWithValues: values.map { key, value in
                    (key, key == "width" || key == "height" ? value : SVGComposition.translated(value, dx: dx, dy: dy))
                })
            }
            var out = self
            out.nodes = nodes.mapValues(move)
            out.edges = edges.mapValues { $0.map(move) }
            out.clusters = clusters.mapValues(move)
            let b = boundingBox
            out.boundingBox = (b.x1 + dx, b.y1 + dy, b.x2 + dx, b.y2 + dy)
            return out
        }

        /// Rows of a legend laid out apart, stacked top to bottom with their left edges
        /// aligned, in one box named `cluster` with its label at the top left.
        static func stacked(_ rows: [Positions], cluster: String) -> Positions {
            var out = Positions()
            var top = 0.0, right = 0.0
            let margin = 8.0, labelHeight = 26.0
            top -= labelHeight
            for row in rows {
                let b = row.boundingBox
                let placed = row.moved(dx: margin - b.x1, dy: top - b.y2)
                out.nodes.merge(placed.nodes) { a, _ in a }
                out.edges.merge(placed.edges) { a, _ in a }
                right = max(right, margin + row.width)
                top -= row.height
            }
            let box = (x1: 0.0, y1: top - margin, x2: right + margin, y2: 0.0)
            out.clusters[cluster] = ["bb": [box.x1, box.y1, box.x2, box.y2].map(DOTWriter.format).joined(separator: ","),
                                     "lp": "\(DOTWriter.format(box.x1 + 31)),\(DOTWriter.format(box.y2 - 11))"]
            out.boundingBox = box
            return out
        }
    }

    /// Parses `dot`, lays it out with `engine`, reads the positions and frees everything.
    static func positions(context: OpaquePointer, dot: String, engine: String) throws -> Positions {
        let graph = try parse(dot)
        defer { agclose(graph) }
        guard gvLayout(context, graph, engine) == 0 else {
            throw RenderError.layoutFailed(engine: LayoutEngine(rawValue: engine) ?? .dot, messages: takeMessages().errors)
        }
        defer { gvFreeLayout(context, graph) }
        try attachPositions(context: context, graph: graph)
        var result = Positions()
        result.boundingBox = SVGComposition.box(get(UnsafeMutableRawPointer(graph), "bb")) ?? (0, 0, 0, 0)
        var node = agfstnode(graph)
        while let n = node {
            let raw = UnsafeMutableRawPointer(n)
            let id = name(raw)
            var values: [String: String] = [:]
            for key in ["pos", "width", "height"] { values[key] = get(raw, key) }
            result.nodes[id] = values
            var out: [[String: String]] = []
            var edge = agfstout(graph, n)
            while let e = edge {
                var values: [String: String] = [:]
                for key in ["pos", "lp"] { values[key] = get(UnsafeMutableRawPointer(e), key) }
                out.append(values)
                edge = agnxtout(graph, e)
            }
            result.edges[id] = out
            node = agnxtnode(graph, n)
        }
        for cluster in clusters(of: graph) {
            let raw = UnsafeMutableRawPointer(cluster)
            var values: [String: String] = [:]
            for key in ["bb", "lp"] { values[key] = get(raw, key) }
            result.clusters[name(raw)] = values
        }
        return result
    }

    /// Most components ``packedPositions(context:network:engine:score:)`` lays out one by one;
    /// past it, the engine's own packing is used.
    static let packedComponentLimit = 400

    /// The network laid out by `engine` one connected component at a time, and the components
    /// packed (``SkylinePacking``) into the strip that `score` (of the packed width and height)
    /// rates best; entities without relations are sized in one layout and packed as they are.
    /// Graphviz packs components into a square, or with `dot` stacks them in one tall strip;
    /// packed for an A3 page, the bundled whole network (120 components, 100 of them single
    /// entities) is drawn at 1955 × 1384 pt and fits A3 at scale 0.56, against 0.46 for
    /// the same layouts packed by Graphviz.
    /// Nil when there is nothing to pack (one component, clusters, whose boxes span
    /// components, or more than ``packedComponentLimit`` components).
    static func packedPositions(context: OpaquePointer, network: StyledGraph, engine: LayoutEngine,
                                score: (Double, Double) -> Double) throws -> Positions? {
        guard network.clusters.isEmpty, network.nodes.count > 1 else { return nil }
        var index: [String: Int] = [:]
        for (i, node) in network.nodes.enumerated() { index[node.id] = i }
        var parent = Array(network.nodes.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        var hasEdges = Array(repeating: false, count: network.nodes.count)
        for edge in network.edges {
            guard let a = index[edge.from], let b = index[edge.to] else { return nil }
            hasEdges[a] = true
            hasEdges[b] = true
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        // Components in the order of their first node, nodes and edges in the given order.
        var componentOf: [Int: Int] = [:]
        var members: [[StyledNode]] = []
        var isolated: [StyledNode] = []
        for (i, node) in network.nodes.enumerated() {
            guard hasEdges[i] else { isolated.append(node); continue }
            let r = root(i)
            if let c = componentOf[r] { members[c].append(node) } else { componentOf[r] = members.count; members.append([node]) }
        }
        guard members.count <= packedComponentLimit else { return nil }
        var edges = Array(repeating: [StyledEdge](), count: members.count)
        for edge in network.edges { edges[componentOf[root(index[edge.from]!)]!].append(edge) }

        let writer = DOTWriter()
        var items: [Positions] = []
        for (c, nodes) in members.enumerated() {
            var component = network
            component.nodes = nodes
            component.edges = edges[c]
            items.append(try positions(context: context, dot: writer.write(component), engine: engine.rawValue))
        }
        if !isolated.isEmpty {
            // Their sizes come from one layout; where it put them does not matter.
            var alone = network
            alone.nodes = isolated
            alone.edges = []
            let sized = try positions(context: context, dot: writer.write(alone), engine: LayoutEngine.dot.rawValue)
            for node in isolated {
                guard let values = sized.nodes[node.id], let pos = values["pos"]?.split(separator: ",").compactMap({ Double($0) }),
                      pos.count == 2, let w = values["width"].flatMap(Double.init), let h = values["height"].flatMap(Double.init)
                else { return nil }
                var item = Positions()
                item.nodes[node.id] = values
                item.edges[node.id] = []
                item.boundingBox = (pos[0] - w * 36, pos[1] - h * 36, pos[0] + w * 36, pos[1] + h * 36)
                items.append(item)
            }
        }
        let placement = SkylinePacking.best(items.map { ($0.width, $0.height) }, gap: 4, score: score)
        var packed = Positions()
        for (item, origin) in zip(items, placement.origins) {
            let b = item.boundingBox
            let placed = item.moved(dx: origin.x - b.x1, dy: -origin.y - b.y2)
            packed.nodes.merge(placed.nodes) { a, _ in a }
            packed.edges.merge(placed.edges) { a, _ in a }
        }
        packed.boundingBox = (0, -placement.height, placement.width, 0)
        return packed
    }

    /// Sets `positions` (moved by `dx`, `dy`; sizes as they are) on the nodes, edges and
    /// clusters of `target` with the same names. Edges match by their place among the
    /// out-edges of their tail, which is the order of the DOT statements in both graphs.
    static func apply(_ positions: Positions, to target: UnsafeMutablePointer<Agraph_t>, dx: Double, dy: Double) {
        func move(_ key: String, _ value: String) -> String {
            key == "width" || key == "height" || (dx == 0 && dy == 0) ? value : SVGComposition.translated(value, dx: dx, dy: dy)
        }
        var node = agfstnode(target)
        while let m = node {
            defer { node = agnxtnode(target, m) }
            let raw = UnsafeMutableRawPointer(m)
            let id = name(raw)
            guard let values = positions.nodes[id] else { continue }
            // Sizes are not copied: the whole is parsed from the same statements, so Graphviz
            // sizes each node as the layout did, while a size given back to it counts as the
            // inner outline's and grows a double octagon by 16 pt.
            for (key, value) in values.sorted(by: { $0.key < $1.key }) where key != "width" && key != "height" {
                set(raw, key, move(key, value))
            }
            var edge = agfstout(target, m)
            for values in positions.edges[id] ?? [] {
                guard let e = edge else { break }
                for (key, value) in values.sorted(by: { $0.key < $1.key }) { set(UnsafeMutableRawPointer(e), key, move(key, value)) }
                edge = agnxtout(target, e)
            }
        }
        for (clusterName, values) in positions.clusters {
            guard let cluster = findSubgraph(target, clusterName) else { continue }
            for (key, value) in values.sorted(by: { $0.key < $1.key }) { set(UnsafeMutableRawPointer(cluster), key, move(key, value)) }
        }
    }

    /// Where the legend goes relative to the network.
    enum LegendPlacement: CaseIterable { case beside, below }

    /// The network laid out by `engine`, the legend by `dot`, composed into a fresh parse of
    /// the whole graph and laid out there by `nop2`. The caller frees the layout and the graph.
    /// - Parameter place: chooses the legend's side from the sizes of the network (with the
    ///   gap), of the legend as a column and of the legend as a row.
    static func composedLayout(context: OpaquePointer, styled: StyledGraph, engine: LayoutEngine, reference: Page,
                               place: (_ network: (Double, Double), _ column: (Double, Double), _ row: (Double, Double)) -> LegendPlacement)
        throws -> UnsafeMutablePointer<Agraph_t> {
        let writer = DOTWriter()
        // The whole is drawn from given positions: the engine's packing of components (which
        // nop2 would redo, and in 2.42 crashes doing) is left to the network's layout.
        var drawn = styled
        drawn.graphAttributes.removeAll { $0.name == "pack" || $0.name == "packmode" }
        let whole = try parse(writer.write(drawn))
        var done = false
        defer { if !done { agclose(whole) } }

        // One layout at a time, each read out and freed before the next (see Positions).
        let gap = 21.6
        var legend: (column: Positions, row: Positions)?
        if let columnGraph = styled.legendGraph(), let rowGraph = styled.legendGraph(row: true) {
            legend = (try positions(context: context, dot: writer.write(columnGraph), engine: LayoutEngine.dot.rawValue),
                      try positions(context: context, dot: writer.write(rowGraph), engine: LayoutEngine.dot.rawValue))
        }
        // Components are packed to suit the page with the legend on its better side.
        let network = try packedPositions(context: context, network: styled.network, engine: engine) { width, height in
            guard let legend else { return reference.fit(width: width, height: height).scale }
            let beside = reference.fit(width: width + gap + legend.column.width, height: max(height, legend.column.height)).scale
            let below = reference.fit(width: max(width, legend.row.width), height: height + gap + legend.row.height).scale
            return max(beside, below)
        } ?? positions(context: context, dot: writer.write(styled.network), engine: engine.rawValue)
        apply(network, to: whole, dx: 0, dy: 0)
        if let (column, unbrokenRow) = legend {
            var row = unbrokenRow
            // A row wider than the network is broken where the next sample would pass its width.
            let units = styled.legendUnits
            let limit = max(network.width, column.width)
            if row.width > limit && units.count > 1 {
                var ranges: [Range<Int>] = []
                var start = 0, used = 0.0
                for (k, unit) in units.enumerated() {
                    let extents = unit.compactMap { node -> (Double, Double)? in
                        guard let values = row.nodes[node.id], let pos = values["pos"]?.split(separator: ",").compactMap({ Double($0) }),
                              let x = pos.first, let w = values["width"].flatMap(Double.init) else { return nil }
                        return (x - w * 36, x + w * 36)
                    }
                    let width = (extents.map(\.1).max() ?? 0) - (extents.map(\.0).min() ?? 0) + 14
                    if k > start && used + width > limit - 16 {
                        ranges.append(start..<k)
                        start = k
                        used = 0
                    }
                    used += width
                }
                ranges.append(start..<units.count)
                if ranges.count > 1 {
                    row = Positions.stacked(try styled.legendRows(ranges).map {
                        try positions(context: context, dot: writer.write($0), engine: LayoutEngine.dot.rawValue)
                    }, cluster: StyledLegend.clusterID)
                }
            }
            let n = network.boundingBox
            let placement = place((network.width + gap, network.height + gap), (column.width, column.height), (row.width, row.height))
            // Beside: the column right of the network, tops aligned. Below: the row under it,
            // left edges aligned.
            let legend = placement == .beside ? column : row
            let l = legend.boundingBox
            let (dx, dy) = placement == .beside ? (n.x2 + gap - l.x1, n.y2 - l.y2) : (n.x1 - l.x1, n.y1 - gap - l.y2)
            apply(legend, to: whole, dx: dx, dy: dy)
        }
        guard gvLayout(context, whole, "nop2") == 0 else {
            throw RenderError.layoutFailed(engine: engine, messages: takeMessages().errors)
        }
        done = true
        return whole
    }

    /// The size of a laid-out drawing with its padding (Graphviz scales the padding with the
    /// drawing, so it counts as part of the figure).
    static func drawingSize(context: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>) throws -> (width: Double, height: Double) {
        try attachPositions(context: context, graph: graph)
        let bb = SVGComposition.box(get(UnsafeMutableRawPointer(graph), "bb")) ?? (0, 0, 0, 0)
        let padding = (get(UnsafeMutableRawPointer(graph), "pad").flatMap { Double($0.split(separator: ",")[0]) } ?? 0.0555) * 72
        return (bb.x2 - bb.x1 + 2 * padding, bb.y2 - bb.y1 + 2 * padding)
    }

    /// Composes and renders; with a page, tries the layouts that could fit it best and keeps
    /// the one drawn largest. Call only with the lock held.
    static func renderComposed(context: OpaquePointer, graph styled: StyledGraph, engines: [LayoutEngine],
                               format: RenderFormat, page: Page?) throws -> Rendering {
        capturedMessages = ""
        agreseterrors()
        let nodeCount = styled.allNodes.count - (styled.legend?.nodes.count ?? 0)
        let edgeCount = styled.edges.count
        var warnings: [String] = []
        if engines.count == 1, let advice = engines[0].advice(nodeCount: nodeCount) { warnings.append(advice) }

        var whole: UnsafeMutablePointer<Agraph_t>
        var chosenEngine = engines[0]
        var pageFit: Page.Fit?
        if page != nil || engines.count > 1 {
            // Candidates are judged by the scale at which they fit the page (A3 when none is
            // given): the larger, the more readable. dot reads left to right; on a page, top
            // to bottom may fit better. The legend goes on the side that lets the whole be
            // drawn larger.
            let reference = page ?? .a3
            let labelled = styled.edges.contains { $0.attributes[attribute: "label"] != nil }
            var variants: [(LayoutEngine, StyledGraph)] = []
            for engine in engines {
                variants.append((engine, styled))
                if engine == .dot && page != nil {
                    var topDown = styled
                    topDown.graphAttributes.set(.plain("rankdir", "TB"))
                    variants.append((engine, topDown))
                }
                // Compact spacing leaves no room for labels on the lines (neato does not place
                // them), so figures that label relations keep the usual spacing.
                if engine == .neato && !labelled {
                    variants.append((engine, styled.compacted))
                }
            }
            // With labelled lines dot is kept whenever it fits the page with its text at 6 pt or
            // more: it lays labels out as nodes, so none covers another or an entity, where the
            // force-directed engines draw them where the line's middle happens to fall (on the
            // three-path figure from Rotterdam to Fuzhou, sfdp fits A3 at 0.82 with labels over
            // each other and over Rotterdam; dot at 0.74 with none).
            func preferred(_ engine: LayoutEngine, _ fit: Page.Fit) -> Bool {
                labelled && engine == .dot && styled.smallestFontSize * fit.scale >= Page.minimumTextSize - 1e-9
            }
            var best: (graph: UnsafeMutablePointer<Agraph_t>, engine: LayoutEngine, fit: Page.Fit)?
            defer { if let best { gvFreeLayout(context, best.graph); agclose(best.graph) } }
            for (engine, variant) in variants {
                let candidate = try composedLayout(context: context, styled: variant, engine: engine, reference: reference) { network, column, row in
                    let beside = reference.fit(width: network.0 + column.0, height: max(network.1, column.1)).scale
                    let below = reference.fit(width: max(network.0, row.0), height: network.1 + row.1).scale
                    return beside >= below ? .beside : .below
                }
                let size: (width: Double, height: Double)
                do { size = try drawingSize(context: context, candidate) } catch {
                    gvFreeLayout(context, candidate); agclose(candidate); throw error
                }
                let fit = reference.fit(width: size.width, height: size.height)
                if let current = best, preferred(current.engine, current.fit) && !preferred(engine, fit)
                    || (preferred(current.engine, current.fit) == preferred(engine, fit) && current.fit.scale >= fit.scale - 1e-9) {
                    gvFreeLayout(context, candidate); agclose(candidate)
                } else {
                    if let current = best { gvFreeLayout(context, current.graph); agclose(current.graph) }
                    best = (candidate, engine, fit)
                }
            }
            let chosen = best!
            best = nil
            whole = chosen.graph
            chosenEngine = chosen.engine
            if page != nil { pageFit = chosen.fit }
            // Laid out again: a later candidate's layout has replaced Graphviz's global state.
            gvFreeLayout(context, whole)
            if let fit = pageFit {
                set(UnsafeMutableRawPointer(whole), "size", DOTWriter.format(fit.areaWidth / 72) + "," + DOTWriter.format(fit.areaHeight / 72))
            }
            guard gvLayout(context, whole, "nop2") == 0 else {
                agclose(whole)
                throw RenderError.layoutFailed(engine: chosenEngine, messages: takeMessages().errors)
            }
            // The scale Graphviz draws at follows this layout's box, which can come out a few
            // points smaller than the candidate's (its title placed against packed components);
            // the page's 6 pt floor is checked on it.
            if var fit = pageFit {
                let drawn = try drawingSize(context: context, whole)
                fit.scale = min(1, fit.areaWidth / max(drawn.width, 1), fit.areaHeight / max(drawn.height, 1))
                pageFit = fit
                if let page, styled.smallestFontSize * fit.scale < Page.minimumTextSize - 1e-9 {
                    gvFreeLayout(context, whole); agclose(whole)
                    throw RenderError.doesNotFit(page: page, width: drawn.width, height: drawn.height,
                                                 smallestText: styled.smallestFontSize, scale: fit.scale)
                }
            }
        } else {
            whole = try composedLayout(context: context, styled: styled, engine: chosenEngine, reference: .a3) { network, column, row in
                (network.0 + column.0) * max(network.1, column.1) <= max(network.0, row.0) * (network.1 + row.1) ? .beside : .below
            }
        }
        defer { gvFreeLayout(context, whole); agclose(whole) }

        let (data, messages) = try renderData(context: context, graph: whole, format: format)
        warnings += messages
        return Rendering(data: data, warnings: warnings, nodeCount: nodeCount, edgeCount: edgeCount, pageFit: pageFit,
                         engine: chosenEngine)
    }

    /// Renders a laid-out graph as `format`: the bytes, copied by length (PNG and PDF contain
    /// NUL bytes), and Graphviz's messages (errors that did not stop it, then warnings). The
    /// buffer Graphviz allocates is freed even when it fails.
    static func renderData(context: OpaquePointer, graph: UnsafeMutablePointer<Agraph_t>,
                           format: RenderFormat) throws -> (Data, [String]) {
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = gvRenderData(context, graph, format.rawValue, &buffer, &length)
        defer { if let buffer { gvFreeRenderData(buffer) } }
        let messages = takeMessages()
        guard status == 0, let buffer else {
            throw RenderError.renderFailed(format: format, messages: messages.errors)
        }
        let count = Int(length)
        guard count > 0 else { throw RenderError.renderFailed(format: format, messages: messages.errors + ["empty output"]) }
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { storage, initialized in
            buffer.withMemoryRebound(to: UInt8.self, capacity: count) { source in
                storage.baseAddress!.initialize(from: source, count: count)
            }
            initialized = count
        }
        return (Data(bytes), messages.errors + messages.warnings)
    }

    /// One parse → layout → render → free cycle. Call only with the lock held.
    static func render(context: OpaquePointer, dot: String, engine: LayoutEngine, format: RenderFormat) throws -> Rendering {
        capturedMessages = ""
        agreseterrors()
        guard let graph = agmemread(dot) else {
            aglexbad()
            throw RenderError.unreadableDOT(messages: takeMessages().errors)
        }
        // Reset the scanner so that nothing left over from this text reaches the next parse.
        aglexbad()
        defer { agclose(graph) }
        let nodeCount = Int(agnnodes(graph)), edgeCount = Int(agnedges(graph))
        var warnings: [String] = []
        if let advice = engine.advice(nodeCount: nodeCount) { warnings.append(advice) }

        guard gvLayout(context, graph, engine.rawValue) == 0 else {
            throw RenderError.layoutFailed(engine: engine, messages: takeMessages().errors)
        }
        defer { gvFreeLayout(context, graph) }

        let (data, messages) = try renderData(context: context, graph: graph, format: format)
        warnings += messages
        return Rendering(data: data, warnings: warnings, nodeCount: nodeCount, edgeCount: edgeCount, pageFit: nil,
                         engine: engine)
    }
}
