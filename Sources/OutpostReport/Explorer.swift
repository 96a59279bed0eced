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
        var entities: [JSONValue] = []
        var relations: [JSONValue] = []
        var sources: [(String, JSONValue)] = []
        if let view = network.view {
            var cited = Set<String>()
            func citations(_ list: [Citation]) -> JSONValue {
                cited.formUnion(list.map(\.source))
                return .array(list.map { .object([("source", .string($0.source)), ("excerpt", .string($0.excerpt))]) })
            }
            for e in view.entities {
                entities.append(.object([("id", .string(e.id)), ("name", .string(e.name)), ("kind", .string(e.kind.rawValue)),
                                         ("aliases", .array(e.aliases.map(JSONValue.string))),
                                         ("country", e.country.map(JSONValue.string) ?? .null),
                                         ("city", e.city.map(JSONValue.string) ?? .null),
                                         ("cite", citations(e.citations))]))
            }
            for r in view.relations {
                func date(_ d: PartialDate?) -> JSONValue { d.map { .string($0.description) } ?? .null }
                let begin = r.start ?? r.date
                relations.append(.object([
                    ("from", .string(r.from)), ("to", .string(r.to)), ("type", .string(r.type.rawValue)),
                    ("directed", .bool(r.isDirected)), ("status", .string(r.status.rawValue)),
                    ("layer", .string(r.layer.rawValue)), ("start", date(r.start)), ("end", date(r.end)),
                    ("date", date(r.date)), ("lo", begin.map { .int($0.earliest) } ?? .null),
                    ("hi", r.end.map { .int($0.latest) } ?? .null),
                    ("by", .array(r.by.map(JSONValue.string))), ("note", r.note.map(JSONValue.string) ?? .null),
                    ("cite", citations(r.citations)),
                ]))
            }
            for s in view.dataset.sources where cited.contains(s.id) {
                sources.append((s.id, .object([("title", .string(s.title)), ("publisher", s.publisher.map(JSONValue.string) ?? .null),
                                               ("date", s.date.map { .string($0.description) } ?? .null),
                                               ("url", s.url.flatMap(HTML.linkableURL).map(JSONValue.string) ?? .null)])))
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
                    ("type", attributes["relation"].map(JSONValue.string) ?? .null), ("directed", .bool(false)),
                    ("status", attributes["status"].map(JSONValue.string) ?? .null), ("layer", .null),
                    ("start", .null), ("end", .null), ("date", .null), ("lo", .null), ("hi", .null),
                    ("by", .array([])), ("note", .null), ("cite", .array([])),
                ]))
            }
        }
        let filter = network.view.map { $0.filter.isEmpty ? "everything" : $0.filter.summary } ?? "plain graph"
        return JSONValue.object([("title", .string(title)), ("filter", .string(filter)), ("dataset", .bool(network.isDataset)),
                                ("entities", .array(entities)), ("relations", .array(relations)),
                                ("sources", .object(sources))]).rendered(.compact)
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
        // As `outpost render` draws the whole network: the engines that suit its size, the most
        // compact drawing kept, and the legend laid out apart from the network, never among it.
        let engines = LayoutEngine.automatic(nodeCount: styled.network.allNodes.count, edgeCount: styled.edges.count)
        let rendering = try GraphvizRenderer().render(styled, choosingAmong: engines, format: .svg)
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
