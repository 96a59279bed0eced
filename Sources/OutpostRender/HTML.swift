import Foundation

/// Helpers for writing self-contained HTML (`outpost report`): escaping text and attribute
/// values, checking link addresses, and preparing Graphviz SVG for inline use.
public enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, so it is safe
    /// both as element content and inside a quoted attribute value.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                // Control characters are not text in HTML (a parse error even as a character
                // reference): they are shown as `\u{…}`, as messages show them.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// The address when it is an absolute `http:` or `https:` URL (so `javascript:` or
    /// `data:` addresses from a dataset never become links), else nil.
    public static func linkableURL(_ address: String) -> String? {
        let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        guard !trimmed.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return nil }
        return trimmed
    }

    /// SVG as Graphviz writes it, made ready to paste into an HTML document: the XML
    /// declaration, the DOCTYPE (which names a DTD address) and comments are dropped, and the
    /// namespace attributes, which HTML does not need, are removed. Graphviz escapes every label
    /// and id it writes; as a second line of defence this refuses SVG holding a script, an
    /// event-handler attribute, embedded HTML or a reference to another resource.
    public static func inlineSVG(_ svg: String) throws -> String {
        // Comments (Graphviz writes node and edge ids in them) go in one pass over the UTF-8
        // bytes. Removing them in place, or with Foundation's `range(of:)` on what is left, was
        // quadratic: minutes on 5,000 nodes (the second once the text held a non-ASCII "→",
        // for which every search rebuilt the string's UTF-16 index).
        let bytes = Array(svg.utf8)
        func find(_ pattern: [UInt8], from: Int) -> Int? {
            guard pattern.count <= bytes.count else { return nil }
            var i = from
            while i + pattern.count <= bytes.count {
                if bytes[i] == pattern[0] && bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
                i += 1
            }
            return nil
        }
        let open = Array("<!--".utf8), close = Array("-->".utf8)
        guard var position = find(Array("<svg".utf8), from: 0) else { throw InlineSVGError.notSVG }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count - position)
        while let start = find(open, from: position) {
            kept += bytes[position..<start]
            guard let end = find(close, from: start + open.count) else { throw InlineSVGError.unsafe("an unterminated comment") }
            position = end + close.count
            if position < bytes.count && bytes[position] == UInt8(ascii: "\n") { position += 1 }
        }
        kept += bytes[position...]
        var body = String(decoding: kept, as: UTF8.self)
        for attribute in [" xmlns=\"http://www.w3.org/2000/svg\"", " xmlns:xlink=\"http://www.w3.org/1999/xlink\""] {
            body = body.replacingOccurrences(of: attribute, with: "")
        }
        if let problem = unsafeMarkup(body) { throw InlineSVGError.unsafe(problem) }
        while body.hasSuffix("\n") { body.removeLast() }
        return body
    }

    /// Inline SVG (``inlineSVG(_:)``) given a display size in CSS pixels: as wide as
    /// `columnWidth` when it fits there, else shrunk only so far that its smallest text
    /// (`smallestFontSize` points in the drawing) stays `minimumTextPixels` tall, and never
    /// enlarged; a figure wider than the column then scrolls in its box. Graphviz gives the
    /// size in points (1 pt = 4/3 CSS px) and a `viewBox`, so only `width` and `height` change.
    public static func readableSVG(_ svg: String, smallestFontSize: Double, columnWidth: Double = 1_050,
                                   minimumTextPixels: Double = 8) -> String {
        guard let start = svg.range(of: "<svg"), let end = svg[start.upperBound...].firstIndex(of: ">") else { return svg }
        var tag = String(svg[start.lowerBound...end])
        func points(_ name: String) -> (Range<String.Index>, Double)? {
            guard let r = tag.range(of: " \(name)=\""), let close = tag[r.upperBound...].firstIndex(of: "\"") else { return nil }
            let text = tag[r.upperBound..<close]
            let value = text.hasSuffix("pt") ? Double(text.dropLast(2)) : (text.hasSuffix("px") ? Double(text.dropLast(2)).map { $0 * 0.75 } : Double(text))
            return value.map { (r.lowerBound..<tag.index(after: close), $0) }
        }
        guard let (_, width) = points("width"), let (_, height) = points("height"), width > 0, height > 0 else { return svg }
        let natural = width * 4 / 3
        let readable = minimumTextPixels / (smallestFontSize * 4 / 3)
        let scale = min(1, max(columnWidth / natural, readable))
        for (name, value) in [("width", width), ("height", height)] {
            guard let (range, _) = points(name) else { continue }
            tag.replaceSubrange(range, with: " \(name)=\"\(DOTWriter.format((value * 4 / 3 * scale).rounded()))px\"")
        }
        return svg.replacingCharacters(in: start.lowerBound...end, with: tag)
    }

    /// Elements an inline diagram may not hold: they run code, embed other documents or fetch.
    /// (`<a>` is allowed: Graphviz wraps a tooltip in one, with `xlink:title`; its only
    /// address may be an anchor in the same page, `#name`, and any other `href` is refused.)
    static let forbiddenElements: Set<String> = ["script", "foreignobject", "iframe", "image", "style", "use",
                                                 "object", "embed", "link", "animate", "set", "feimage", "handler"]

    /// What makes `svg` unsafe to inline, or nil. Graphviz writes every `<` of text as `&lt;`,
    /// so each literal `<` opens a tag; only tags are inspected, not text.
    static func unsafeMarkup(_ svg: String) -> String? {
        var rest = Substring(svg)
        while let open = rest.firstIndex(of: "<") {
            guard let close = tagEnd(rest, from: rest.index(after: open)) else { return "an unterminated tag" }
            let tag = rest[rest.index(after: open)..<close].lowercased()
            rest = rest[rest.index(after: close)...]
            let name = tag.drop { $0 == "/" }.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }
            if tag.hasPrefix("!") || tag.hasPrefix("?") { return "a declaration or comment" }
            if forbiddenElements.contains(String(name)) { return "a <\(name)> element" }
            for (attribute, value) in attributes(of: tag) {
                if attribute.hasPrefix("on") { return "an event-handler attribute" }
                if attribute.hasSuffix("href") {
                    // Only a link within the page, from a link element: `#` and a plain anchor
                    // name (the report links each entity to its entry).
                    let anchor = value.dropFirst()
                    guard name == "a", value.hasPrefix("#"), !anchor.isEmpty,
                          anchor.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
                    else { return "a link" }
                    continue
                }
                if attribute == "style" { return "a style attribute" }
                // A tooltip is text shown on hover, never fetched or run: a name quoting an
                // address or `javascript:` is harmless there.
                if attribute == "xlink:title" { continue }
                if value.contains("url(") && !value.contains("url(#") { return "a resource reference" }
                if value.contains("javascript:") { return "a script address" }
            }
        }
        return nil
    }

    /// The `>` closing a tag that starts at `start`, skipping quoted attribute values.
    static func tagEnd(_ text: Substring, from start: Substring.Index) -> Substring.Index? {
        var quote: Character?
        var i = start
        while i < text.endIndex {
            let c = text[i]
            if let q = quote { if c == q { quote = nil } }
            else if c == "\"" || c == "'" { quote = c }
            else if c == ">" { return i }
            i = text.index(after: i)
        }
        return nil
    }

    /// The attributes of a tag's text (lower-cased), as name and value pairs.
    static func attributes(of tag: String) -> [(String, String)] {
        var result: [(String, String)] = []
        var chars = Substring(tag)
        chars = chars.drop { $0 == "/" }.drop { !$0.isWhitespace }
        while true {
            chars = chars.drop { $0.isWhitespace || $0 == "/" }
            let name = chars.prefix { !$0.isWhitespace && $0 != "=" && $0 != "/" }
            if name.isEmpty { break }
            chars = chars.dropFirst(name.count).drop(while: \.isWhitespace)
            var value = ""
            if chars.first == "=" {
                chars = chars.dropFirst().drop(while: \.isWhitespace)
                if let q = chars.first, q == "\"" || q == "'" {
                    let inner = chars.dropFirst().prefix { $0 != q }
                    value = String(inner)
                    chars = chars.dropFirst(inner.count + 2)
                } else {
                    let bare = chars.prefix { !$0.isWhitespace }
                    value = String(bare)
                    chars = chars.dropFirst(bare.count)
                }
            }
            result.append((String(name), value))
        }
        return result
    }
}

/// SVG that cannot be placed in a report.
public enum InlineSVGError: Error, CustomStringConvertible, Sendable {
    case notSVG
    case unsafe(String)

    public var description: String {
        switch self {
        case .notSVG: return "the diagram is not SVG"
        case let .unsafe(what): return "the diagram SVG holds \(what); refusing to inline it"
        }
    }
}
