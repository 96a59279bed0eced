/// A problem found in input data, with where it is and how to fix it.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(_ severity: Severity = .error, at location: SourceLocation?, _ message: String,
                hint: String? = nil) {
        self.severity = severity
        self.location = location
        // Messages quote input (ids, keys, values): whatever they quote must not become
        // terminal control, so non-printable characters are escaped here, once for all.
        self.message = escapingNonPrintable(message)
        self.hint = hint.map(escapingNonPrintable)
    }

    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// Several problems reported together; thrown when input cannot be used as it is.
public struct DiagnosticsError: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Suggests the closest valid words for a misspelt one.
public func suggestions(for word: String, in candidates: [String], limit: Int = 3) -> [String] {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1,
                                 previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
    let lowered = word.lowercased()
    let w = Array(lowered)
    let threshold = max(2, w.count / 3)
    var scored: [(word: String, distance: Int)] = []
    for candidate in candidates {
        let d = distance(w, Array(candidate.lowercased()))
        if d <= threshold || candidate.lowercased().contains(lowered) { scored.append((candidate, d)) }
    }
    scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.word < $1.word }
    return scored.prefix(limit).map { $0.word }
}

/// `text` with every character that is not printable written as `\u{…}`: C0 and C1 controls
/// (newlines and tabs too, so that a message stays one line), the line and paragraph separators
/// U+2028 and U+2029 (line breaks to some terminals and editors), the bidirectional overrides and
/// isolates (which reorder what follows them on screen), and the byte order mark.
public func escapingNonPrintable(_ text: String) -> String {
    func isNonPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }
    guard text.unicodeScalars.contains(where: isNonPrintable) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if isNonPrintable(scalar) {
            out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
        } else {
            out.append(scalar)
        }
    }
    return String(out)
}

/// Input text as a message may quote it: non-printable characters escaped
/// (``escapingNonPrintable(_:)``) and cut to `limit` characters, so that a 5 MB line or a
/// binary file is never echoed whole.
public func printable(_ text: String, limit: Int = 80) -> String {
    let escaped = escapingNonPrintable(text)
    guard escaped.count > limit else { return escaped }
    return escaped.prefix(limit) + "… (\(text.count) characters)"
}

extension Sequence where Element == Diagnostic {
    /// The diagnostics in file, line and column order (those without a location first), as
    /// `validate` lists them.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.location?.file ?? "", $0.location?.line ?? 0, $0.location?.column ?? 0)
                 < ($1.location?.file ?? "", $1.location?.line ?? 0, $1.location?.column ?? 0) }
    }
}
