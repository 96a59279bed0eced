import OutpostGraph

/// Outpost's one diagram style: what every mark in a diagram means.
///
/// - **Entities** — shape and fill by kind (the legend lists the kinds present):
///   Chinese state bodies in reds (ministry: double octagon; provincial department: octagon;
///   public security bureau: hexagon), police stations as orange blocks (`box3d`),
///   associations as yellow tabs, people as lilac ellipses, government bodies as blue boxes,
///   organisations as green rounded boxes, campaigns as purple tags (`cds`), reports as sand
///   notes, events as grey arrows (`rarrow`). With `--color-by community` the shape stays and
///   the fill is the community's colour (12 colours, largest community first; smaller ones
///   white).
///
///   The numerous kinds use shapes of the box family, which Graphviz sizes to the label and
///   its margin. Other polygons are inflated to hold the label's circumscribed ellipse: a
///   house is 1.75 times the label's width and height, a hexagon 1.63, a diamond 2. With
///   houses for stations and diamonds for campaigns, twopi drew the bundled whole network at
///   3181 × 2588 pt; with these shapes, at 2203 × 1840 (half the area). Nodes have no minimum size (`width=0`, `height=0`;
///   Graphviz's 0.75 × 0.5 in made one-line labels twice their height).
/// - **Relations** — line by evidence status: confirmed solid and thicker, reported dashed,
///   disputed dotted orange, denied dotted red ending in a bar (`tee`). Undirected relation
///   types (`affiliated-with`) have no arrowhead. `--edge-labels` writes the relation type
///   on each line.
/// - **Size** — with `--size-by`, a node's minimum width and font grow with the square root
///   of its score scaled to the largest (so area follows the score).
/// - **Highlighted path** — the path's nodes and lines in magenta and thick; everything else
///   grey.
/// - **Clusters** — a light box per country or per jurisdiction (the entity that
///   `established` the stations inside it).
/// - **Title and caption** — at the top: the title, then the dataset, its filter and the
///   date of its newest source.
///
/// Layout reads left to right (`rankdir=LR`) for `dot`, which keeps long names legible and
/// stacks a rank's many stations vertically; the force-directed engines avoid overlaps.
/// (Packing components side by side with `pack=true` would be more compact, but with dot in
/// Graphviz 2.42 it drops edge labels and draws parallel edges on top of each other.)
public enum DiagramStyle {
    /// How entities of a kind are drawn.
    public struct KindStyle: Hashable, Sendable {
        public var shape: String
        public var fill: String
        /// Extra `style` words besides `filled` (`rounded`).
        public var extraStyle: String?
    }

    public static func style(of kind: EntityKind) -> KindStyle {
        switch kind {
        case .ministry: return KindStyle(shape: "doubleoctagon", fill: "#fb6a4a")
        case .provincialDepartment: return KindStyle(shape: "octagon", fill: "#fc9272")
        case .publicSecurityBureau: return KindStyle(shape: "hexagon", fill: "#fcbba1")
        case .policeStation: return KindStyle(shape: "box3d", fill: "#fdd49e")
        case .association: return KindStyle(shape: "tab", fill: "#fff7bc")
        case .person: return KindStyle(shape: "ellipse", fill: "#e7d4e8")
        case .governmentBody: return KindStyle(shape: "box", fill: "#c6dbef")
        case .organisation: return KindStyle(shape: "box", fill: "#c7e9c0", extraStyle: "rounded")
        case .campaign: return KindStyle(shape: "cds", fill: "#dadaeb")
        case .report: return KindStyle(shape: "note", fill: "#f6e8c3")
        case .event: return KindStyle(shape: "rarrow", fill: "#d9d9d9")
        }
    }

    /// Nodes of a plain graph (no kinds).
    public static let plainNode = KindStyle(shape: "ellipse", fill: "#deebf7")

    /// How relations of a status are drawn.
    public struct LineStyle: Hashable, Sendable {
        public var style: String
        public var color: String
        public var penwidth: Double
        /// Arrowhead for directed relations.
        public var arrowhead: String
    }

    public static func style(of status: EvidenceStatus) -> LineStyle {
        switch status {
        case .confirmed: return LineStyle(style: "solid", color: "#1a1a1a", penwidth: 2, arrowhead: "normal")
        case .reported: return LineStyle(style: "dashed", color: "#4d4d4d", penwidth: 1.2, arrowhead: "normal")
        case .disputed: return LineStyle(style: "dotted", color: "#e08214", penwidth: 2, arrowhead: "normal")
        case .denied: return LineStyle(style: "dotted", color: "#d7191c", penwidth: 2, arrowhead: "tee")
        }
    }

    /// Edges of a plain graph.
    public static let plainLine = LineStyle(style: "solid", color: "#4d4d4d", penwidth: 1, arrowhead: "normal")

    /// Fills for communities, largest first (ColorBrewer Set3, 12 classes).
    public static let communityFills = [
        "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
        "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f",
    ]
    /// Fill of communities beyond the twelfth.
    public static let otherCommunityFill = "#ffffff"

    public static let highlight = "#c51b7d"
    public static let dimmedFill = "#f4f4f4"
    public static let dimmedLine = "#d0d0d0"
    public static let dimmedText = "#9a9a9a"
    public static let clusterFill = "#f7f7f7"
    public static let clusterLine = "#bdbdbd"
    /// A fontconfig family list: DejaVu Sans for Latin, Greek and Cyrillic, then Noto Sans CJK
    /// SC (Debian's fonts-noto-cjk, which setup installs) for Chinese, Japanese and Korean.
    /// Pango takes each character from the first family that has it; SVG writes the same list
    /// as `font-family`, which browsers read the same way.
    public static let fontName = "DejaVu Sans,Noto Sans CJK SC"

    /// Widest line of a node label, in columns (a Latin letter 1, a Chinese character 2),
    /// before it wraps.
    public static let labelLineLength = 26
    /// Most lines a node label shows; a longer name ends its last line with `…` (the full
    /// name is in the node's tooltip).
    public static let labelLineLimit = 3

    /// Attributes of the whole graph, whatever the options.
    static let graphAttributes: [DOTAttribute] = [
        .plain("rankdir", "LR"),
        .plain("fontname", fontName),
        .plain("bgcolor", "white"),
        .plain("pad", "0.2"),
        .plain("nodesep", "0.18"),
        .plain("ranksep", "0.7"),
        .plain("overlap", "false"),
        .plain("outputorder", "edgesfirst"),
        .plain("labelloc", "t"),
        .plain("labeljust", "l"),
    ]

    static let nodeDefaults: [DOTAttribute] = [
        .plain("fontname", fontName),
        .plain("fontsize", "11"),
        .plain("style", "filled"),
        .plain("color", "#4d4d4d"),
        .plain("penwidth", "1"),
        .plain("margin", "0.1,0.05"),
        .plain("width", "0"),
        .plain("height", "0"),
    ]

    static let edgeDefaults: [DOTAttribute] = [
        .plain("fontname", fontName),
        .plain("fontsize", "9"),
        .plain("fontcolor", "#4d4d4d"),
        .plain("arrowsize", "0.7"),
    ]

    /// The label shown for a name: wrapped at spaces into lines of at most
    /// ``labelLineLength`` columns (a word wider than a line is cut), the line breaks of the
    /// name kept, and at most ``labelLineLimit`` lines, the last ending in `…` when text was
    /// left out. So a label is never wider than 26 columns or taller than 3 lines.
    static func shortened(_ text: String) -> String {
        let limit = labelLineLength
        var lines: [String] = []
        var line = "", lineWidth = 0
        func flush() { lines.append(line); line = ""; lineWidth = 0 }
        let paragraphs = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (p, paragraph) in paragraphs.enumerated() {
            if p > 0 { flush() }
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                let width = columns(word)
                if lineWidth > 0 && lineWidth + 1 + width <= limit {
                    line += " " + word
                    lineWidth += 1 + width
                    continue
                }
                if lineWidth > 0 { flush() }
                // A word wider than a line is cut into pieces that fit.
                for character in word {
                    let w = columns(character)
                    if lineWidth + w > limit { flush() }
                    line.append(character)
                    lineWidth += w
                }
            }
            if lines.count > labelLineLimit { break }
        }
        if !line.isEmpty || lines.isEmpty { flush() }
        guard lines.count > labelLineLimit else { return lines.joined(separator: "\n") }
        var last = lines[labelLineLimit - 1]
        while !last.isEmpty && columns(Substring(last)) + 1 > limit { last.removeLast() }
        while last.hasSuffix(" ") { last.removeLast() }
        return (lines.prefix(labelLineLimit - 1) + [last + "…"]).joined(separator: "\n")
    }

    /// Display columns: 2 for East Asian wide characters (CJK ideographs, kana, hangul,
    /// full-width forms) and emoji, 1 for the rest.
    static func columns(_ character: Character) -> Int {
        guard let v = character.unicodeScalars.first?.value else { return 0 }
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
        return wide ? 2 : 1
    }

    static func columns(_ text: Substring) -> Int { text.reduce(0) { $0 + columns($1) } }
}
