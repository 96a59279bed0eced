import Foundation

/// A page a figure must fit: its size, its orientation and the margin kept free around the
/// drawing.
///
/// ``GraphvizRenderer/render(_:engine:format:page:)`` scales a drawing down to the page's
/// printable area (never up) and refuses, with ``RenderError/doesNotFit(page:width:height:smallestText:scale:)``,
/// when that would print its smallest text under ``minimumTextSize``.
public struct Page: Sendable, Hashable, CustomStringConvertible {
    /// Which way up the page is.
    public enum Orientation: String, Sendable, Hashable, CaseIterable {
        /// The longer side vertical.
        case portrait
        /// The longer side horizontal.
        case landscape
        /// Whichever of the two lets the figure be drawn larger.
        case auto
    }

    /// The smallest text, in points on paper, a figure may print: 6 pt, the usual floor for
    /// captions and map labels in print.
    public static let minimumTextSize = 6.0

    /// The sheet's shorter and longer side, in points (1/72 in).
    public var shortSide: Double
    public var longSide: Double
    public var orientation: Orientation
    /// Kept free on every side, in points (default 0.5 in).
    public var margin: Double
    /// The name it was parsed from (`a4`, `20x30cm`).
    public var name: String

    public init(name: String, width: Double, height: Double, orientation: Orientation = .auto, margin: Double = 36) {
        self.name = name
        shortSide = min(width, height)
        longSide = max(width, height)
        self.orientation = orientation
        self.margin = margin
    }

    public static let a4 = Page(name: "A4", width: 595.28, height: 841.89)
    public static let a3 = Page(name: "A3", width: 841.89, height: 1190.55)
    public static let letter = Page(name: "Letter", width: 612, height: 792)

    /// Parses `a4`, `a3`, `letter` or `WxH` with a unit (`in`, `cm`, `mm`, `pt`): `8.5x11in`,
    /// `20x30cm`. Case-insensitive.
    /// - Throws: ``RenderError/unknownPage(_:)`` naming the accepted forms.
    public init(parsing text: String, orientation: Orientation = .auto) throws {
        let lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
        switch lowered {
        case "a4": self = .a4
        case "a3": self = .a3
        case "letter": self = .letter
        default:
            let units: [(suffix: String, points: Double)] = [("in", 72), ("cm", 72 / 2.54), ("mm", 72 / 25.4), ("pt", 1)]
            guard let unit = units.first(where: { lowered.hasSuffix($0.suffix) }) else { throw RenderError.unknownPage(text) }
            let sides = lowered.dropLast(unit.suffix.count).split(separator: "x", omittingEmptySubsequences: false)
            guard sides.count == 2, let w = Double(sides[0]), let h = Double(sides[1]), w.isFinite, h.isFinite,
                  w > 0, h > 0 else { throw RenderError.unknownPage(text) }
            self.init(name: text, width: w * unit.points, height: h * unit.points)
            // A page too small to hold anything once the margins are taken.
            guard shortSide > 2 * margin + 36 else { throw RenderError.unknownPage(text) }
        }
        self.orientation = orientation
    }

    public var description: String { orientation == .auto ? name : "\(name) \(orientation.rawValue)" }

    /// How a drawing of `width` × `height` points sits on the page.
    public struct Fit: Sendable, Hashable {
        /// The factor applied to the drawing (at most 1).
        public var scale: Double
        public var orientation: Orientation
        /// The printable area used, in points (the drawing is scaled to fit inside it).
        public var areaWidth: Double
        public var areaHeight: Double
    }

    /// The largest scale (at most 1) at which the drawing fits the printable area, in the
    /// given orientation or, for `.auto`, the better of the two (portrait on a tie).
    public func fit(width: Double, height: Double) -> Fit {
        func fit(_ o: Orientation) -> Fit {
            let w = (o == .landscape ? longSide : shortSide) - 2 * margin
            let h = (o == .landscape ? shortSide : longSide) - 2 * margin
            return Fit(scale: min(1, w / max(width, 1), h / max(height, 1)), orientation: o, areaWidth: w, areaHeight: h)
        }
        switch orientation {
        case .portrait, .landscape: return fit(orientation)
        case .auto:
            let portrait = fit(.portrait), landscape = fit(.landscape)
            return landscape.scale > portrait.scale ? landscape : portrait
        }
    }
}

extension StyledGraph {
    /// The smallest font size, in points, of any text the drawing shows: node labels, edge
    /// labels, cluster and legend labels, and the `point-size` of the title's HTML label.
    /// Graphviz's defaults apply where nothing is set (14 pt).
    public var smallestFontSize: Double {
        func size(_ attributes: [DOTAttribute]) -> Double? {
            guard case let .plain(value)? = attributes[attribute: "fontsize"] else { return nil }
            return Double(value)
        }
        func hasText(_ attributes: [DOTAttribute]) -> Bool {
            switch attributes[attribute: "label"] {
            case let .text(text)?: return !text.isEmpty
            case .html?, .plain?: return true
            case nil: return false
            }
        }
        let graphSize = size(graphAttributes) ?? 14
        let nodeDefault = size(nodeDefaults) ?? 14, edgeDefault = size(edgeDefaults) ?? 14
        var sizes: [Double] = []
        for node in allNodes {
            // A node without a label shows its id.
            if node.attributes[attribute: "label"] == nil || hasText(node.attributes) { sizes.append(size(node.attributes) ?? nodeDefault) }
        }
        for edge in edges + (legend?.edges ?? []) where hasText(edge.attributes) { sizes.append(size(edge.attributes) ?? edgeDefault) }
        for cluster in clusters + (legend.map { [$0.cluster] } ?? []) where hasText(cluster.attributes) {
            sizes.append(size(cluster.attributes) ?? graphSize)
        }
        if case let .html(markup)? = graphAttributes[attribute: "label"] {
            var points: [Double] = []
            var rest = Substring(markup)
            while let r = rest.range(of: "point-size=\"") {
                rest = rest[r.upperBound...]
                if let value = Double(rest.prefix { $0 != "\"" }) { points.append(value) }
            }
            sizes.append(points.min() ?? graphSize)
        } else if hasText(graphAttributes) {
            sizes.append(graphSize)
        }
        return sizes.min() ?? graphSize
    }
}
