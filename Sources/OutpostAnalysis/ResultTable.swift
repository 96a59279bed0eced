import Foundation

/// One value of a ``ResultTable``: text, a whole number, a number, or nothing.
public enum ResultValue: Hashable, Sendable {
    case text(String)
    case integer(Int)
    case number(Double)
    case none

    /// The value for people: text as it is, numbers as ``formatted(_:)`` writes them, nothing as "".
    public var plain: String {
        switch self {
        case let .text(s): return s
        case let .integer(i): return String(i)
        case let .number(d): return ResultValue.formatted(d)
        case .none: return ""
        }
    }

    /// A number for people: whole numbers as they are; other numbers with six decimals, or below
    /// 0.1 with six significant digits (a PageRank of 2.52436e-7 on a million nodes reads
    /// 0.000000252436, not 0), trailing zeros dropped. Programs should read the number itself.
    public static func formatted(_ d: Double) -> String {
        guard d.isFinite else { return "\(d)" }  // inf, nan: as Swift spells them
        if d == d.rounded() && abs(d) < 1e12 { return String(Int(d)) }
        var decimals = 6
        if abs(d) < 0.1 && abs(d) >= 1e-15 {
            decimals = min(18, 5 - Int((log10(abs(d))).rounded(.down)))
        }
        var s = fixed(d, decimals: decimals)
        while s.contains(".") && (s.hasSuffix("0")) { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// Fixed-point text with `decimals` digits after the point (at most 18).
    static func fixed(_ d: Double, decimals: Int) -> String {
        let negative = d < 0
        var value = abs(d)
        var whole = value.rounded(.down)
        value -= whole
        // The fraction as a scaled integer (at most 10^18, within UInt64); rounding it up to
        // the scale carries into the whole part.
        let scale = (0..<decimals).reduce(1.0) { r, _ in r * 10 }
        var fraction = (value * scale).rounded()
        if fraction >= scale { fraction -= scale; whole += 1 }
        var digits = fraction == 0 ? "" : String(UInt64(fraction))
        digits = String(repeating: "0", count: Swift.max(0, decimals - digits.count)) + digits
        let wholeText = whole < 9e18 ? String(Int64(whole)) : "\(whole)"
        return (negative ? "-" : "") + wholeText + (decimals > 0 ? "." + digits : "")
    }
}

/// A titled table of results: what `outpost stats` prints and the report shows, as values a
/// program can read and every output (text, JSON, CSV, HTML) lays out its own way.
public struct ResultTable: Hashable, Sendable {
    /// A short key (`kinds`, `coverage`) for JSON objects and CSV blocks.
    public var key: String
    /// The heading for people (`Entities by kind`).
    public var title: String
    public var columns: [String]
    /// One array of values per row, one value per column.
    public var rows: [[ResultValue]]

    public init(key: String, title: String, columns: [String], rows: [[ResultValue]] = []) {
        self.key = key
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}
