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
            default: out.unicodeScalars.append(scalar)
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
        guard let start = svg.range(of: "<svg") else { throw InlineSVGError.notSVG }
        var body = String(svg[start.lowerBound...])
        // Comments (Graphviz writes node and edge ids in them).
        while let open = body.range(of: "<!--") {
            guard let close = body.range(of: "-->", range: open.upperBound..<body.endIndex) else {
                throw InlineSVGError.unsafe("an unterminated comment")
            }
            var end = close.upperBound
            if end < body.endIndex && body[end] == "\n" { end = body.index(after: end) }
            body.removeSubrange(open.lowerBound..<end)
        }
        for attribute in [" xmlns=\"http://www.w3.org/2000/svg\"", " xmlns:xlink=\"http://www.w3.org/1999/xlink\""] {
            body = body.replacingOccurrences(of: attribute, with: "")
        }
        let lower = body.lowercased()
        for (needle, what) in [("<script", "a script"), ("<foreignobject", "embedded HTML"), ("<iframe", "a frame"),
                               ("href=", "a link"), ("<image", "an image"), ("javascript:", "a script address"),
                               ("url(", "a resource reference"), ("<style", "a style sheet")] where lower.contains(needle) {
            throw InlineSVGError.unsafe(what)
        }
        if hasEventHandler(lower) { throw InlineSVGError.unsafe("an event-handler attribute") }
        while body.hasSuffix("\n") { body.removeLast() }
        return body
    }

    /// Whether some tag carries an `on…=` attribute (outside quoted values).
    static func hasEventHandler(_ text: String) -> Bool {
        var inTag = false, quote: Character?
        var previous: Character = " "
        var chars = Array(text)
        chars.append(" ")
        var i = 0
        while i < chars.count - 1 {
            let c = chars[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if inTag {
                if c == "\"" || c == "'" { quote = c }
                else if c == ">" { inTag = false }
                else if (previous == " " || previous == "\n" || previous == "\t") && c == "o" && chars[i + 1] == "n" {
                    var j = i + 2
                    while j < chars.count, chars[j].isLetter { j += 1 }
                    if j < chars.count && chars[j] == "=" && j > i + 2 { return true }
                }
            } else if c == "<" {
                inTag = true
            }
            previous = c
            i += 1
        }
        return false
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
