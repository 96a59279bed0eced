import Foundation
import OutpostAlgorithms
import OutpostAnalysis
import OutpostGraph
import OutpostRender

/// A self-contained HTML report on one input: summary and coverage, the network diagram,
/// top-N rankings, communities, explained paths and every cited source.
///
/// One HTML document with its CSS and the diagram's SVG inline: no scripts, no fonts or images
/// fetched from anywhere; the only web addresses are links to the cited sources. The same input
/// always gives the same bytes. Every piece of data text goes through ``HTML/escape(_:)``.
///
/// ```swift
/// let network = try LoadedNetwork(contentsOf: "Graphs/overseas-police-stations")
/// let report = try Report(network, paths: [PathQuery(from: "station-rotterdam", to: "fuzhou-psb")])
/// try report.html().write(toFile: "report.html", atomically: true, encoding: .utf8)
/// ```
public struct Report: Sendable {
    /// What the analyses count (the network layer unless its filter says otherwise): the
    /// diagram, the rankings and the communities.
    public let network: LoadedNetwork
    /// What the evidence sections show (every layer unless told otherwise): the summary, the
    /// explained paths and the sources.
    public let evidence: LoadedNetwork
    /// The report's title.
    public let title: String
    /// Rows in each ranking table.
    public let top: Int
    /// The pairs to explain; each is searched as ``LoadedNetwork/findPaths(_:)`` would, one path each.
    public let paths: [PathQuery]
    /// The `generator` meta tag's content.
    public let generator: String
    /// The summary tables (``InputSummary/tables``) of ``evidence``.
    public let summaryTables: [ResultTable]
    /// Sources the report cites, in the dataset's order.
    public let citedSources: [Source]
    /// The titles of the sections the report holds, in order.
    public let sectionTitles: [String]
    let anchorOfSource: [String: String]
    /// `entity-N` for each entity of ``evidence`` with an entry in the report, by id.
    let anchorOfEntity: [String: String]
    /// The index the rankings and communities share, built once.
    let index: GraphIndex

    static let sections: [(id: String, title: String)] = [
        ("summary", "Summary"), ("coverage", "Coverage against published totals"),
        ("stations", "Stations by country and jurisdiction"), ("network", "The whole network"),
        ("centrality", "Centrality"), ("communities", "Communities"), ("paths", "Explained paths"), ("entities", "Entities"), ("sources", "Sources"),
    ]

    /// Prepares a report.
    /// - Parameters:
    ///   - network: the input as the analyses count it (for a dataset, the network layer by default).
    ///   - evidence: the input as the evidence sections show it; nil: `network` with every layer
    ///     of relations and the same other filters.
    ///   - title: the title; nil: the dataset's title (or name), or the plain graph's name.
    ///   - top: rows in each ranking (at least 1).
    ///   - paths: pairs to explain, in order.
    ///   - generator: the `generator` meta tag (the program and version that wrote the report).
    public init(_ network: LoadedNetwork, evidence: LoadedNetwork? = nil, title: String? = nil, top: Int = 10,
                paths: [PathQuery] = [], generator: String = "Outpost") {
        // The report reads the network as undirected, as its text says.
        let network = network.graph.isDirected ? network.redirected(false) : network
        self.network = network
        let given = evidence ?? network.view.map { view in
            var filter = view.filter
            filter.layers = RelationLayer.all
            return network.filtered(by: filter)
        } ?? network
        let evidence = given.graph.isDirected ? given.redirected(false) : given
        self.evidence = evidence
        index = network.index()
        self.top = max(1, top)
        self.paths = paths
        self.generator = generator
        self.title = title ?? network.dataset.map { $0.title ?? $0.name } ?? network.name
        summaryTables = evidence.summary().tables

        var cited: [Source] = []
        var anchors: [String: String] = [:]
        if let view = evidence.view {
            var ids = Set<String>()
            for e in view.entities { ids.formUnion(e.citations.sourceIDs) }
            for r in view.relations { ids.formUnion(r.citations.sourceIDs) }
            if summaryTables.contains(where: { $0.key == "coverage" }) {
                for t in view.dataset.totals { ids.formUnion(t.citations.sourceIDs) }
            }
            cited = view.dataset.sources.filter { ids.contains($0.id) }
            for (n, s) in cited.enumerated() { anchors[s.id] = "source-\(n + 1)" }
        }
        citedSources = cited
        anchorOfSource = anchors
        var entityAnchors: [String: String] = [:]
        for (n, entity) in (evidence.view?.entities ?? []).enumerated() { entityAnchors[entity.id] = "entity-\(n + 1)" }
        anchorOfEntity = entityAnchors

        var present = ["summary"]
        let keys = Set(summaryTables.map(\.key))
        if keys.contains("coverage") { present.append("coverage") }
        if keys.contains("stations-by-country") { present.append("stations") }
        present += ["network", "centrality", "communities"]
        if !paths.isEmpty { present.append("paths") }
        if !entityAnchors.isEmpty { present.append("entities") }
        if !cited.isEmpty { present.append("sources") }
        sectionTitles = Report.sections.filter { present.contains($0.id) }.map(\.title)
    }

    func table(_ key: String) -> ResultTable? { summaryTables.first { $0.key == key } }

    /// Edges of a plain graph that repeated a pair and were left out of the rankings and
    /// communities (each pair kept once with its last weight, as NetworkX does); 0 for a dataset.
    public var droppedEdgeCount: Int { network.droppedEdgeCount(in: index) }

    // MARK: Document

    /// The report as one HTML document.
    /// - Throws: ``EntityLookupError``/``NodeLookupError`` for a path end that names no node;
    ///   ``RenderError`` or ``InlineSVGError`` when the diagram cannot be drawn or inlined.
    public func html() throws -> String {
        var body = header()
        body += nav()
        body += summarySection()
        if let coverage = table("coverage") { body += coverageSection(coverage) }
        if table("stations-by-country") != nil { body += try stationsSection() }
        body += try networkSection()
        body += try centralitySection()
        body += try communitiesSection()
        if !paths.isEmpty { body += try pathsSection() }
        if !anchorOfEntity.isEmpty { body += try entitiesSection() }
        if !citedSources.isEmpty { body += sourcesSection() }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="\(e(generator))">
        <title>\(e(title))</title>
        <style>
        \(Report.css)
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    /// Escapes data text.
    func e(_ text: String) -> String { HTML.escape(text) }

    static let css = """
    :root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --band: #f5f5f3; --link: #0b5394; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 1100px; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
    h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
    h2 { font-size: 1.4rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--ink); }
    h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
    p.lede { font-size: 1.05rem; max-width: 52rem; }
    p.meta, p.note, figcaption { color: var(--muted); font-size: .9rem; }
    a { color: var(--link); }
    nav ol { columns: 2; padding-left: 1.25rem; margin: .5rem 0; }
    table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
    caption { text-align: left; font-weight: bold; padding: .25rem 0; }
    th, td { border-bottom: 1px solid var(--rule); padding: .3rem .6rem; text-align: left; vertical-align: top; }
    th { background: var(--band); font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.id, span.id { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .8rem; color: var(--muted); }
    .tables { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
    .status { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: .78rem; font-weight: 600; white-space: nowrap; border: 1px solid; }
    .status-confirmed { background: #1a1a1a; color: #fff; border-color: #1a1a1a; }
    .status-reported { background: #fff; color: #4d4d4d; border-color: #4d4d4d; border-style: dashed; }
    .status-disputed { background: #fdebd3; color: #8a4b0a; border-color: #e08214; border-style: dotted; }
    .status-denied { background: #fbdcdc; color: #9e1013; border-color: #d7191c; border-style: dotted; }
    dl.statuses { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; font-size: .9rem; }
    dl.statuses dd { margin: 0; }
    figure { margin: 1rem 0; }
    figure .diagram { overflow-x: auto; border: 1px solid var(--rule); padding: .5rem; }
    figure .diagram svg { display: block; height: auto; margin: 0 auto; }
    ol.hops { list-style: none; padding: 0; margin: .5rem 0 1.5rem; }
    ol.hops > li.node { font-weight: 600; padding: .3rem 0; }
    ol.hops > li.link { margin-left: 1rem; padding-left: 1rem; border-left: 3px solid var(--rule); }
    ul.citations { list-style: none; padding: 0; margin: .25rem 0; }
    ul.citations li { margin: .2rem 0; }
    ul.relations { padding-left: 1.25rem; margin: .25rem 0 1rem; font-size: .9rem; }
    section#entities article { border-top: 1px solid var(--rule); }
    section#entities h3 { margin: .75rem 0 .1rem; }
    blockquote { margin: .15rem 0 .4rem 1rem; font-style: italic; color: #333; }
    ol.bibliography li { margin: .4rem 0; }
    ol.bibliography cite { font-style: italic; }
    @media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } figure, table { break-inside: avoid; } }
    """

    func header() -> String {
        var out = "<header>\n<h1>\(e(title))</h1>\n"
        var meta: [String] = []
        if let view = network.view {
            let dataset = view.dataset
            if let description = dataset.description, !description.isEmpty {
                out += "<p class=\"lede\">\(e(description.trimmingCharacters(in: .whitespacesAndNewlines)))</p>\n"
            }
            meta.append("Dataset: \(e(dataset.name))")
            meta.append(e(view.filter.summary))
            if let newest = dataset.newestSourceDate { meta.append("newest source \(e(newest.description))") }
            meta.append("\(view.entityIndices.count) entities, \(view.relationIndices.count) relations, \(citedSources.count) sources cited")
        } else {
            meta.append("Graph: \(e(network.name))")
            meta.append("\(network.graph.nodeCount) nodes, \(network.graph.edgeCount) edges")
        }
        out += "<p class=\"meta\">\(meta.joined(separator: " · ")) · made with <code>outpost report</code></p>\n</header>\n"
        return out
    }

    func nav() -> String {
        var out = "<nav aria-label=\"Contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n"
        for section in Report.sections where sectionTitles.contains(section.title) {
            out += "<li><a href=\"#\(section.id)\">\(e(section.title))</a></li>\n"
        }
        return out + "</ol>\n</nav>\n"
    }

    // MARK: Tables

    /// A table as HTML; `cell` may render a cell itself (already escaped), else it is escaped text.
    func htmlTable(_ table: ResultTable, caption: String? = nil, columns: [String]? = nil,
                   cell: ((_ column: String, _ value: ResultValue) -> String?)? = nil) -> String {
        var out = "<table>\n"
        if let caption { out += "<caption>\(e(caption))</caption>\n" }
        let headings = columns ?? table.columns.map { $0.replacingOccurrences(of: "_", with: " ") }
        let numeric = table.columns.indices.map { i in
            !table.rows.isEmpty && table.rows.allSatisfy { row in
                switch row[i] { case .integer, .number, .none: return true; case .text: return false }
            } && table.rows.contains { if case .text = $0[i] { return false }; if case .none = $0[i] { return false }; return true }
        }
        out += "<thead><tr>" + headings.enumerated().map { i, h in
            "<th scope=\"col\"\(numeric[i] ? " class=\"num\"" : "")>\(e(h))</th>"
        }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (i, value) in row.enumerated() {
                let content = cell?(table.columns[i], value) ?? e(value.plain)
                out += numeric[i] ? "<td class=\"num\">\(content)</td>" : "<td>\(content)</td>"
            }
            out += "</tr>\n"
        }
        if table.rows.isEmpty { out += "<tr><td colspan=\"\(table.columns.count)\">(none)</td></tr>\n" }
        return out + "</tbody>\n</table>\n"
    }

    func badge(_ status: String) -> String {
        "<span class=\"status status-\(e(status))\">\(e(status))</span>"
    }

    /// A link to a source's bibliography entry, or the bare id when the report does not list it.
    func sourceLink(_ id: String) -> String {
        guard let anchor = anchorOfSource[id] else { return "<span class=\"id\">\(e(id))</span>" }
        return "<a href=\"#\(anchor)\" class=\"id\">\(e(id))</a>"
    }

    // MARK: Sections

    func summarySection() -> String {
        var out = "<section id=\"summary\">\n<h2>Summary</h2>\n"
        if let view = evidence.view {
            out += "<p>What <code>outpost stats</code> reports for this \(view.filter.isEmpty ? "dataset" : "filtered dataset (\(e(view.filter.summary)))"). Counts of entities are counts of records, not of stations: a group record stands for several stations a source counts without naming them.</p>\n"
        }
        out += "<div class=\"tables\">\n"
        for key in ["summary", "kinds", "relations", "statuses"] {
            guard let t = table(key) else { continue }
            out += htmlTable(t, caption: t.title) { column, value in
                if key == "summary", column == "value", case let .number(d) = value { return self.e(ResultValue.formatted(d)) }
                if key == "statuses", column == "status" { return self.badge(value.plain) }
                return nil
            }
        }
        out += "</div>\n"
        if network.view != nil {
            out += """
            <h3>Evidence status</h3>
            <dl class="statuses">
            <dt>\(badge("confirmed"))</dt><dd>a host government, court or the operator itself confirmed it (the relation names who)</dd>
            <dt>\(badge("reported"))</dt><dd>stated by a cited source (press, NGO report) and not confirmed</dd>
            <dt>\(badge("disputed"))</dt><dd>sources disagree; each version is recorded separately</dd>
            <dt>\(badge("denied"))</dt><dd>the party concerned denied it</dd>
            </dl>

            """
        }
        return out + "</section>\n"
    }

    func coverageSection(_ coverage: ResultTable) -> String {
        var out = "<section id=\"coverage\">\n<h2>Coverage against published totals</h2>\n"
        out += "<p>Each published figure as its source states it, beside the number of single stations this dataset records within the same scope. The figures are the sources’, not this dataset’s.</p>\n"
        out += htmlTable(coverage, columns: ["published figure", "measure", "value", "countries", "in dataset", "dataset countries", "share", "sources"]) { column, value in
            switch column {
            case "share":
                if case let .number(d) = value { return self.e(String(Int((d * 100).rounded())) + "%") }
                return nil
            case "source":
                return value.plain.split(separator: " ").map { self.sourceLink(String($0)) }.joined(separator: " ")
            default: return nil
            }
        }
        return out + "</section>\n"
    }

    func stationsSection() throws -> String {
        var out = "<section id=\"stations\">\n<h2>Stations by country and jurisdiction</h2>\n<div class=\"tables\">\n"
        if let t = table("stations-by-country") { out += htmlTable(t, caption: t.title) }
        if let t = table("stations-by-jurisdiction") { out += htmlTable(t, caption: t.title, columns: ["jurisdiction", "stations", "of which disputed"]) }
        out += "</div>\n"
        out += try bureauFigures()
        return out + "</section>\n"
    }

    /// One figure per public security bureau in the network: its neighbourhood (its stations,
    /// the ministry above it, what it is linked to), as `outpost render --focus` draws it.
    func bureauFigures() throws -> String {
        guard let view = network.view else { return "" }
        let bureaus = view.entities.filter { $0.kind == .publicSecurityBureau }
        guard !bureaus.isEmpty else { return "" }
        var out = "<h3>Each bureau and what it is linked to</h3>\n"
        for bureau in bureaus {
            let figure = try network.focusDiagram(on: bureau.id, radius: 1)
            guard figure.nodeCount > 1 else { continue }
            let (svg, _) = try inlineFigure(figure)
            out += "<figure>\n<div class=\"diagram\">\n\(svg)\n</div>\n<figcaption>\(e(bureau.name)) and every entity one relation away (\(figure.nodeCount - 1); \(e(view.filter.summary))), as <code>outpost render --focus \(e(bureau.id))</code> draws it.</figcaption>\n</figure>\n"
        }
        return out
    }

    func networkSection() throws -> String {
        // An overview: names on the entities with two neighbours or more, the others as small
        // marks of their kind (named on hover), so that the whole network fits an A3 page at
        // 6 pt; the bureau and path figures name everything they show.
        var options = DiagramOptions(title: title)
        options.labelsFromDegree = 2
        let diagram = try network.diagram(options)
        let (svg, engine) = try inlineFigure(diagram)
        var caption: String
        if network.view != nil {
            caption = "Every entity and relation the filters keep (unless told otherwise, the network layer: ties between actors, not reports, responses or denials), as <code>outpost render</code> draws it. Shape and fill show each entity’s kind; the line shows each relation’s status: confirmed solid, reported dashed, disputed dotted orange, denied dotted red ending in a bar. The legend box lists the kinds and statuses drawn; the caption under the title names the dataset, the filter and the newest source."
        } else {
            caption = "Every node and edge of the graph, as <code>outpost render</code> draws it."
        }
        caption += " Laid out with \(engine.rawValue), the most compact of the engines tried (<code>outpost render --engine auto</code>)."
        caption += " Nodes with fewer than two neighbours are drawn as small unnamed marks (<code>--label-min-degree 2</code>)"
            + (network.view != nil ? "; the bureau figures above and the path figures below name every entity they draw." : ".")
        caption += " Hover over an entity or a relation for its full name, kind or status and number of sources."

        return """
        <section id="network">
        <h2>The whole network</h2>
        <figure>
        <div class="diagram">
        \(svg)
        </div>
        <figcaption>\(caption)</figcaption>
        </figure>
        </section>

        """
    }

    func centralitySection() throws -> String {
        var out = "<section id=\"centrality\">\n<h2>Centrality</h2>\n"
        out += "<p>The \(top) highest-ranked entities by three measures, on the \(network.view.map { "network (\(e($0.filter.summary)))" } ?? "graph") read as undirected, as <code>outpost centrality</code> computes them (NetworkX definitions): degree — the share of the other entities directly linked; betweenness — the share of shortest paths between other entities that pass through it; PageRank — the chance a random walk along the links is at it. Ties are listed by id.</p>\n"
        let measures: [(String, String, CentralityScores)] = [
            ("degree", "Degree", index.degreeCentrality()),
            ("betweenness", "Betweenness", try index.betweennessCentrality()),
            ("pagerank", "PageRank", try index.pageRank()),
        ]
        out += "<div class=\"tables\">\n"
        for (key, name, scores) in measures {
            let isDataset = network.dataset != nil
            var t = ResultTable(key: key, title: name, columns: ["rank", "name", isDataset ? "kind" : "id", "score"])
            for (rank, v) in scores.ranking(ids: index.ids).prefix(top).enumerated() {
                let detail = isDataset ? network.dataset?.entity(index.ids[v])?.kind.rawValue : index.ids[v]
                t.rows.append([.integer(rank + 1), .text(index.names[v]), detail.map(ResultValue.text) ?? .none, .number(scores.scores[v])])
            }
            out += "<div id=\"centrality-\(key)\">\n<h3>\(name)</h3>\n"
            out += htmlTable(t, columns: t.columns) { column, value in
                if column == "score", case let .number(d) = value { return self.e(ResultValue.formatted(d)) }
                return nil
            }
            out += "</div>\n"
        }
        return out + "</div>\n</section>\n"
    }

    func communitiesSection() throws -> String {
        let partition = try index.leidenCommunities()
        let filtered = network.view?.filter.isEmpty == false ? "filtered " : ""
        let groups = partition.communities.filter { $0.count > 1 }
        let alone = partition.communities.count - groups.count
        var out = "<section id=\"communities\">\n<h2>Communities</h2>\n"
        out += "<p>Groups of entities more densely linked to each other than to the rest of the \(filtered)network, found by the Leiden algorithm (modularity, resolution 1, seed 42; links weighted by the number of relations joining a pair; every community is connected). A community is a pattern in the links the sources report, not a finding that its members act together.</p>\n"
        out += "<p>\(groups.count) communit\(groups.count == 1 ? "y" : "ies") of two or more entities\(alone > 0 ? "; \(alone) entit\(alone == 1 ? "y" : "ies") with no relation kept alone" : ""). Modularity \(e(ResultValue.formatted(partition.modularity))).</p>\n"
        var t = ResultTable(key: "communities", title: "Communities", columns: ["community", "size", "kinds", "members"])
        for (n, members) in groups.enumerated() {
            var kinds: [String: Int] = [:]
            if let dataset = network.dataset {
                for v in members { if let kind = dataset.entity(index.ids[v])?.kind.rawValue { kinds[kind, default: 0] += 1 } }
            }
            let kindText = kinds.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let names = members.map { index.names[$0] }.sorted { $0.lowercased() < $1.lowercased() }
            t.rows.append([.integer(n + 1), .integer(members.count), .text(kindText), .text(names.joined(separator: "; "))])
        }
        if network.dataset == nil {
            t.columns.remove(at: 2)
            for i in t.rows.indices { t.rows[i].remove(at: 2) }
        }
        out += htmlTable(t)
        out += try communityFigure(partition)
        return out + "</section>\n"
    }

    /// The network coloured by the table's communities (the largest first, as numbered there),
    /// as an overview that names the entities with two neighbours or more.
    func communityFigure(_ partition: Partition) throws -> String {
        guard partition.labels.count == network.graph.nodeCount, partition.communities.contains(where: { $0.count > 1 }) else { return "" }
        var options = DiagramOptions(title: "\(title): communities", colorBy: .community, communities: partition.labels.map(Int.init))
        options.labelsFromDegree = 2
        let figure = try network.diagram(options)
        let (svg, _) = try inlineFigure(figure)
        return "<figure>\n<div class=\"diagram\">\n\(svg)\n</div>\n<figcaption>Each entity filled with its community’s colour (numbered as in the table; beyond the twelfth, white), its shape still its kind, as <code>outpost render --color-by community --label-min-degree 2</code> draws it.</figcaption>\n</figure>\n"
    }

    func pathsSection() throws -> String {
        var out = "<section id=\"paths\">\n<h2>Explained paths</h2>\n"
        out += "<p>For each pair asked for, one shortest path (fewest hops, direction ignored) through the \(evidence.view.map { $0.filter.isEmpty ? "whole dataset" : "dataset (\(e($0.filter.summary)))" } ?? "graph"), as <code>outpost path --explain</code> finds it, with every relation joining each hop, its status and the words each source uses.</p>\n"
        for (n, query) in paths.enumerated() {
            let search = try evidence.findPaths(query)
            let source = search.from, target = search.to
            let fromName = displayName(source.id), toName = displayName(target.id)
            out += "<article id=\"path-\(n + 1)\">\n<h3>\(e(fromName)) → \(e(toName))</h3>\n"
            guard source.index != nil, target.index != nil else {
                let missing = [source, target].filter { $0.index == nil }.map { displayName($0.id) }
                out += "<p class=\"note\">Not in the filtered network: \(e(missing.joined(separator: ", "))).</p>\n</article>\n"
                continue
            }
            guard let found = search.paths.first else {
                out += "<p class=\"note\">No path joins them\(evidence.view?.filter.isEmpty == false ? " with the filters" : "").\(liftedNote(search.noPath))</p>\n</article>\n"
                continue
            }
            out += "<p>\(found.length) hop\(found.length == 1 ? "" : "s").</p>\n<ol class=\"hops\">\n"
            for (h, id) in found.nodes.enumerated() {
                out += "<li class=\"node\">\(nodeLabel(id))</li>\n"
                guard h < found.length else { break }
                out += "<li class=\"link\">\n"
                for link in found.hops[h].links { out += linkHTML(link) }
                out += "</li>\n"
            }
            out += "</ol>\n"
            // The path drawn, with the entities beside it faded: the picture of the list above.
            let figure = try evidence.pathDiagram(search, context: 1, DiagramOptions(title: "\(fromName) → \(toName)"))
            let (svg, _) = try inlineFigure(figure)
            out += "<figure>\n<div class=\"diagram\">\n\(svg)\n</div>\n<figcaption>The path in magenta, each relation labelled with its type and status, and the entities one hop from it faded, as <code>outpost render --path</code> draws it.</figcaption>\n</figure>\n"
            out += "</article>\n"
        }
        return out + "</section>\n"
    }

    /// Whether a path exists once the filters are lifted, for the "no path" note: what the
    /// search already found (``NoPathExplanation/pathWithoutRestrictions``).
    func liftedNote(_ noPath: NoPathExplanation?) -> String {
        guard let noPath, noPath.restrictions.contains(.filter) else { return "" }
        guard let path = noPath.pathWithoutRestrictions else {
            return " Even without the filters no path joins them."
        }
        let hops = path.count - 1
        return " Without the filters there is a path of \(hops) hop\(hops == 1 ? "" : "s"): "
            + e(path.joined(separator: " → ")) + "."
    }

    /// A figure as the report inlines it: its entities linked to their entries, laid out as
    /// `outpost render --engine auto` would, sized to the column (``HTML/readableSVG(_:smallestFontSize:columnWidth:)``);
    /// and the engine that drew it.
    func inlineFigure(_ figure: NetworkDiagram) throws -> (svg: String, engine: LayoutEngine) {
        let linked = figure.styled.linkingNodes(to: anchorOfEntity.mapValues { "#" + $0 })
        let rendering = try GraphvizRenderer().render(linked, choosingAmong: LayoutEngine.automatic(
            nodeCount: figure.nodeCount, edgeCount: figure.edgeCount), format: .svg)
        let svg = HTML.readableSVG(try HTML.inlineSVG(String(decoding: rendering.data, as: UTF8.self)),
                                   smallestFontSize: figure.styled.smallestFontSize)
        return (svg, rendering.engine)
    }

    /// Citations as a list: each source linked to its bibliography entry, its publisher and
    /// date, and the excerpt quoted.
    func citationsHTML(_ citations: [EvidenceCitation]) -> String {
        var out = "<ul class=\"citations\">\n"
        for c in citations {
            let about = [c.publisher, c.date?.description].compactMap { $0 }.map(e).joined(separator: " · ")
            out += "<li>\(sourceLink(c.source))\(about.isEmpty ? "" : " · " + about)<blockquote>“\(e(c.excerpt))”</blockquote></li>\n"
        }
        return out + "</ul>\n"
    }

    /// A link to an entity's entry, or its name alone when the report has none.
    func entityLink(_ id: String) -> String {
        guard let anchor = anchorOfEntity[id] else { return e(displayName(id)) }
        return "<a href=\"#\(anchor)\">\(e(displayName(id)))</a>"
    }

    /// One entry per entity: what it is, where, the words its sources use for it, and each of
    /// its relations with status and sources (every layer, as the evidence sections count).
    /// The figures' entities link here.
    func entitiesSection() throws -> String {
        guard let view = evidence.view else { return "" }
        var out = "<section id=\"entities\">\n<h2>Entities</h2>\n"
        out += "<p>Every entity in this report (\(view.entities.count); \(e(view.filter.summary))), in the dataset’s order: its kind and place, what its sources say about it, and its relations with their status and sources. Click an entity in any figure to come here.</p>\n"
        for entity in view.entities {
            guard let anchor = anchorOfEntity[entity.id] else { continue }
            let profile = try view.profile(of: entity.id)
            out += "<article id=\"\(anchor)\">\n<h3>\(e(entity.name))</h3>\n"
            var meta = ["<span class=\"id\">\(e(entity.id))</span>", e(entity.kind.rawValue)]
            let place = [entity.city, entity.country].compactMap { $0 }.filter { !$0.isEmpty }
            if !place.isEmpty { meta.append(e(place.joined(separator: ", "))) }
            if !entity.aliases.isEmpty { meta.append("also " + e(entity.aliases.joined(separator: "; "))) }
            out += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n"
            if !profile.citations.isEmpty { out += citationsHTML(profile.citations) }
            if !profile.relations.isEmpty {
                out += "<ul class=\"relations\">\n"
                for relation in profile.relations {
                    let link = relation.link
                    var parts: [String] = []
                    if let direction = link.direction { parts.append(e(direction.symbol)) }
                    if let type = link.type { parts.append("<strong>\(e(type))</strong>") }
                    parts.append(entityLink(relation.other))
                    if let status = link.status { parts.append(badge(status)) }
                    if let when = link.period { parts.append(e(when)) }
                    let sources = link.citations.map { sourceLink($0.source) }
                    if !sources.isEmpty { parts.append("(" + sources.joined(separator: ", ") + ")") }
                    out += "<li>\(parts.joined(separator: " "))</li>\n"
                }
                out += "</ul>\n"
            }
            out += "</article>\n"
        }
        return out + "</section>\n"
    }

    func displayName(_ id: String) -> String { network.name(ofID: id) }

    func nodeLabel(_ id: String) -> String {
        if let entity = network.dataset?.entity(id) {
            return "\(e(entity.name)) <span class=\"id\">\(e(entity.id)) · \(e(entity.kind.rawValue))</span>"
        }
        let name = network.name(ofID: id)
        return name == id ? e(id) : "\(e(name)) <span class=\"id\">\(e(id))</span>"
    }

    func linkHTML(_ link: HopLink) -> String {
        guard let r = link.relation, let direction = link.direction else {
            var parts: [String] = []
            if let relation = link.type { parts.append(e(relation)) }
            if let status = link.status { parts.append(badge(status)) }
            if link.weight != 1 { parts.append("weight \(e(ResultValue.formatted(link.weight)))") }
            return "<p>\(parts.isEmpty ? "edge" : parts.joined(separator: " "))</p>\n"
        }
        var head = ["\(e(direction.symbol)) <strong>\(e(r.type.rawValue))</strong>", badge(r.status.rawValue)]
        if let when = link.period { head.append(e(when)) }
        if !link.by.isEmpty { head.append("by " + e(link.by.map(displayName).joined(separator: ", "))) }
        var out = "<p>\(head.joined(separator: " "))</p>\n"
        if let note = r.note, !note.isEmpty { out += "<p class=\"note\">Note: \(e(note))</p>\n" }
        return out + citationsHTML(link.citations)
    }

    func sourcesSection() -> String {
        var out = "<section id=\"sources\">\n<h2>Sources</h2>\n"
        out += "<p>Every source cited by the entities, relations\(table("coverage") != nil ? " and published totals" : "") in this report, in the dataset’s order.</p>\n<ol class=\"bibliography\">\n"
        for source in citedSources {
            var parts = ["<cite>\(e(source.title))</cite>"]
            if let publisher = source.publisher { parts.append(e(publisher)) }
            if let date = source.date { parts.append(e(date.description)) }
            var line = parts.joined(separator: ". ") + "."
            if let address = source.url {
                if let url = HTML.linkableURL(address) {
                    line += " <a href=\"\(e(url))\" rel=\"noreferrer\">\(e(url))</a>"
                } else {
                    line += " \(e(address))"
                }
            } else if let file = source.file {
                line += " Local copy: \(e(file))."
            }
            out += "<li id=\"\(anchorOfSource[source.id]!)\"><span class=\"id\">\(e(source.id))</span> — \(line)</li>\n"
        }
        return out + "</ol>\n</section>\n"
    }
}
