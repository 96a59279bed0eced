import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OutpostGraph
import OutpostIO
import OutpostRender

/// Paths into the repository, found from this file's location.
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { repository.appendingPathComponent(relative).path }
    static let golden = path("Tests/OutpostRenderTests/Golden")
    static let mini = path("Tests/Data/mini")
    static let bundled = path("Graphs/overseas-police-stations")

    /// The mini dataset with every layer, so that each status and relation style appears.
    static func miniView(_ filter: DatasetFilter = .everything) throws -> DatasetView {
        let (dataset, _) = try DatasetReader().readValid(at: mini)
        return DatasetView(dataset, filter: filter)
    }

    /// Compares `text` with golden file `name` byte for byte. With `OUTPOST_WRITE_GOLDEN=1` in
    /// the environment, writes the file instead (then read it and check it by hand).
    static func matchesGolden(_ text: String, _ name: String) throws -> Bool {
        let url = URL(fileURLWithPath: golden).appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["OUTPOST_WRITE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
            return true
        }
        return try Data(contentsOf: url) == Data(text.utf8)
    }
}

/// The parts of a Graphviz SVG the tests look at: each `<g>` with a class, its `<title>`, the
/// text it shows and the strokes of its shapes.
struct SVGSummary {
    struct Group {
        var classes: [String]
        var id: String
        var title = ""
        var texts: [String] = []
        var strokes: [String] = []
        var dashArrays: [String] = []
    }

    var groups: [Group] = []
    /// Every element name in the document.
    var elementNames: Set<String> = []

    func groups(_ kind: String) -> [Group] { groups.filter { $0.classes.first == kind } }
    /// Nodes and edges drawn for the graph itself (not the legend).
    var nodes: [Group] { groups("node").filter { !$0.classes.contains("legend") } }
    var edges: [Group] { groups("edge").filter { !$0.classes.contains("legend") } }
    var clusters: [Group] { groups("cluster") }
    var allText: [String] { groups.flatMap(\.texts) }

    /// Parses `data`; throws if it is not well-formed XML.
    init(_ data: Data) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            throw SVGError.malformed(parser.parserError.map { "\($0)" } ?? "unknown error")
        }
        groups = delegate.groups
        elementNames = delegate.names
    }

    enum SVGError: Error { case malformed(String) }

    private final class Delegate: NSObject, XMLParserDelegate {
        var groups: [Group] = []
        var names: Set<String> = []
        var open: [Int?] = []   // for each open <g>, the index of its group
        var text = ""
        var inTitle = false, inText = false

        var current: Int? { open.last(where: { $0 != nil }) ?? nil }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            names.insert(name)
            switch name {
            case "g":
                if let cls = attributes["class"] {
                    groups.append(Group(classes: cls.split(separator: " ").map(String.init), id: attributes["id"] ?? ""))
                    open.append(groups.count - 1)
                } else {
                    open.append(nil)
                }
            case "title": inTitle = true; text = ""
            case "text": inText = true; text = ""
            case "path", "polygon", "ellipse", "polyline":
                if let g = current {
                    if let stroke = attributes["stroke"] { groups[g].strokes.append(stroke) }
                    if let dash = attributes["stroke-dasharray"] { groups[g].dashArrays.append(dash) }
                }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inTitle || inText { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "g": _ = open.popLast()
            case "title":
                inTitle = false
                if let g = current { groups[g].title = text }
            case "text":
                inText = false
                if let g = current { groups[g].texts.append(text) }
            default: break
            }
        }
    }
}

extension GraphvizRenderer {
    /// Renders a styled graph to SVG and summarises it.
    func svg(_ graph: StyledGraph, engine: LayoutEngine = .dot) throws -> SVGSummary {
        try SVGSummary(render(graph, engine: engine, format: .svg).data)
    }
}
