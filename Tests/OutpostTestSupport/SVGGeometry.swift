import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Geometry read from a Graphviz SVG, for tests of layout properties: the box of every
/// group's shapes, the document's size and view box, the drawing's scale, and each text's
/// font size. Coordinates are those of the drawing (inside `graph0`'s transform).
public struct SVGGeometry: Sendable {
    public struct Box: Sendable, Hashable, CustomStringConvertible {
        public var minX: Double, minY: Double, maxX: Double, maxY: Double
        public var width: Double { maxX - minX }
        public var height: Double { maxY - minY }
        public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
            (self.minX, self.minY, self.maxX, self.maxY) = (minX, minY, maxX, maxY)
        }
        /// Whether the two boxes share interior points (touching edges do not count).
        public func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
        public func contains(_ other: Box, tolerance: Double = 0.5) -> Bool {
            other.minX >= minX - tolerance && other.maxX <= maxX + tolerance
                && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
        }
        public var description: String { "[\(minX), \(minY)] – [\(maxX), \(maxY)]" }
    }

    public struct Group: Sendable {
        public var id: String
        public var classes: [String]
        public var title: String
        /// The box around every shape (and text anchor) inside the group, nested groups included.
        public var box: Box?
        /// `xlink:title` of the anchors inside it: Graphviz's tooltips.
        public var tooltips: [String]
        /// The texts inside it, nested groups included.
        public var texts: [String]
        /// `stroke` and `stroke-dasharray` of its own shapes (not those of nested groups).
        public var strokes: [String] = []
        public var dashArrays: [String] = []
    }

    public struct Text: Sendable {
        public var content: String
        public var fontSize: Double
        public var fontFamily: String
    }

    public var groups: [Group] = []
    public var texts: [Text] = []
    /// Every element name in the document.
    public var elementNames: Set<String> = []
    /// `width` and `height` of the `<svg>` element, in points.
    public var width: Double = 0
    public var height: Double = 0
    /// The `viewBox` width and height.
    public var viewBoxWidth: Double = 0
    public var viewBoxHeight: Double = 0
    /// The `scale(…)` of the drawing's top group.
    public var transformScale: Double = 1

    /// Points on the page per unit of the drawing: document size over view box, times the
    /// top group's scale.
    public var scale: Double { (viewBoxWidth > 0 ? width / viewBoxWidth : 1) * transformScale }

    /// The smallest text as printed: the least font size of any text that shows something,
    /// times ``scale`` (points on the page, or ×4/3 for CSS pixels).
    public var smallestPrintedText: Double {
        (texts.filter { !$0.content.trimmingCharacters(in: .whitespaces).isEmpty }.map(\.fontSize).min() ?? 0) * scale
    }

    /// Groups whose first class is `kind` (`node`, `edge`, `cluster`).
    public func groups(_ kind: String) -> [Group] { groups.filter { $0.classes.first == kind } }
    /// The graph's own nodes, not the legend's samples.
    public var entityNodes: [Group] { groups("node").filter { !$0.classes.contains("legend") } }
    /// The graph's own edges, not the legend's sample lines.
    public var edges: [Group] { groups("edge").filter { !$0.classes.contains("legend") } }
    public var clusters: [Group] { groups("cluster") }
    /// The text of every group, in document order (a nested group's text counts once per group).
    public var allText: [String] { groups.flatMap(\.texts) }
    public var legend: Group? { groups.first { $0.id == "legend" } }

    public init(_ data: Data) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else { throw GeometryError.malformed(parser.parserError.map { "\($0)" } ?? "unknown error") }
        groups = delegate.groups
        texts = delegate.texts
        elementNames = delegate.names
        width = delegate.width
        height = delegate.height
        viewBoxWidth = delegate.viewBox.0
        viewBoxHeight = delegate.viewBox.1
        transformScale = delegate.transformScale
    }

    public enum GeometryError: Error { case malformed(String) }

    /// A length in points (`12pt`, `12px` as 0.75 pt, or a bare number).
    static func points(_ text: String?) -> Double {
        guard let text else { return 0 }
        if text.hasSuffix("pt") { return Double(text.dropLast(2)) ?? 0 }
        if text.hasSuffix("px") { return (Double(text.dropLast(2)) ?? 0) * 0.75 }
        return Double(text) ?? 0
    }

    /// The numbers in an attribute, in order (`points`, a path's `d`).
    static func numbers(_ text: String) -> [Double] {
        var out: [Double] = []
        var current = ""
        for ch in text {
            if ch.isNumber || ch == "." || (ch == "-" && current.isEmpty) || ch == "e" && !current.isEmpty {
                current.append(ch)
            } else {
                if let v = Double(current) { out.append(v) }
                current = ch == "-" ? "-" : ""
            }
        }
        if let v = Double(current) { out.append(v) }
        return out
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var groups: [Group] = []
        var texts: [Text] = []
        var names: Set<String> = []
        var width = 0.0, height = 0.0
        var viewBox = (0.0, 0.0)
        var transformScale = 1.0
        var open: [Int?] = []
        var inTitle = false, inText = false
        var buffer = ""
        var textAttributes: (Double, String) = (0, "")

        func add(_ xs: [Double], _ ys: [Double]) {
            guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return }
            for case let g? in open {
                if var b = groups[g].box {
                    b.minX = min(b.minX, minX); b.maxX = max(b.maxX, maxX)
                    b.minY = min(b.minY, minY); b.maxY = max(b.maxY, maxY)
                    groups[g].box = b
                } else {
                    groups[g].box = Box(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
                }
            }
        }

        func addPairs(_ numbers: [Double]) {
            let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
            let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
            add(xs, ys)
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            names.insert(name)
            if ["path", "polygon", "ellipse", "polyline"].contains(name), let g = open.last(where: { $0 != nil }) ?? nil {
                if let stroke = attributes["stroke"] { groups[g].strokes.append(stroke) }
                if let dash = attributes["stroke-dasharray"] { groups[g].dashArrays.append(dash) }
            }
            switch name {
            case "svg":
                width = SVGGeometry.points(attributes["width"])
                height = SVGGeometry.points(attributes["height"])
                let v = SVGGeometry.numbers(attributes["viewBox"] ?? "")
                if v.count == 4 { viewBox = (v[2] - v[0], v[3] - v[1]) }
            case "g":
                if attributes["id"] == "graph0", let t = attributes["transform"], let r = t.range(of: "scale(") {
                    transformScale = SVGGeometry.numbers(String(t[r.upperBound...].prefix { $0 != ")" })).first ?? 1
                }
                if attributes["class"] != nil || attributes["id"] == "legend" {
                    groups.append(Group(id: attributes["id"] ?? "", classes: (attributes["class"] ?? "").split(separator: " ").map(String.init),
                                        title: "", box: nil, tooltips: [], texts: []))
                    open.append(groups.count - 1)
                } else {
                    open.append(nil)
                }
            case "a":
                if let tip = attributes["xlink:title"], let g = open.last(where: { $0 != nil }) ?? nil { groups[g].tooltips.append(tip) }
            case "polygon", "polyline":
                addPairs(SVGGeometry.numbers(attributes["points"] ?? ""))
            case "path":
                addPairs(SVGGeometry.numbers(attributes["d"] ?? ""))
            case "ellipse":
                let cx = Double(attributes["cx"] ?? "") ?? 0, cy = Double(attributes["cy"] ?? "") ?? 0
                let rx = Double(attributes["rx"] ?? "") ?? 0, ry = Double(attributes["ry"] ?? "") ?? 0
                add([cx - rx, cx + rx], [cy - ry, cy + ry])
            case "title": inTitle = true; buffer = ""
            case "text":
                inText = true; buffer = ""
                textAttributes = (Double(attributes["font-size"] ?? "") ?? 14, attributes["font-family"] ?? "")
                // A text's anchor counts as a point of its group (plaintext nodes have no shape).
                if let x = Double(attributes["x"] ?? ""), let y = Double(attributes["y"] ?? "") { add([x], [y]) }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inTitle || inText { buffer += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "g": _ = open.popLast()
            case "title":
                inTitle = false
                if let g = open.last(where: { $0 != nil }) ?? nil, groups[g].title.isEmpty { groups[g].title = buffer }
            case "text":
                inText = false
                texts.append(Text(content: buffer, fontSize: textAttributes.0, fontFamily: textAttributes.1))
                for case let g? in open { groups[g].texts.append(buffer) }
            default: break
            }
        }
    }
}
