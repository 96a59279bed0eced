import Foundation

/// One cell of a table: text for people, a typed value for JSON.
enum Cell {
    case text(String)
    case int(Int)
    case number(Double)
    case none

    var plain: String {
        switch self {
        case let .text(s): return s
        case let .int(i): return String(i)
        case let .number(d): return Cell.format(d)
        case .none: return ""
        }
    }

    var json: JSONValue {
        switch self {
        case let .text(s): return .string(s)
        case let .int(i): return .int(i)
        case let .number(d): return .double(d)
        case .none: return .null
        }
    }

    /// For people: whole numbers as they are; other numbers with six decimals, or below 0.1
    /// with six significant digits (a PageRank of 2.52436e-7 on a million nodes reads
    /// 0.000000252436, not 0), trailing zeros dropped. JSON and CSV keep full precision.
    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "\(d)" }  // inf, nan: as Swift spells them
        if d == d.rounded() && abs(d) < 1e12 { return String(Int(d)) }
        var decimals = 6
        if abs(d) < 0.1 && abs(d) >= 1e-15 {
            decimals = min(18, 5 - Int((log10(abs(d))).rounded(.down)))
        }
        var s = String(fixed: d, decimals: decimals)
        while s.contains(".") && (s.hasSuffix("0")) { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}

extension String {
    /// Fixed-point formatting with `decimals` digits after the point (at most 18).
    init(fixed d: Double, decimals: Int) {
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
        self = (negative ? "-" : "") + wholeText + (decimals > 0 ? "." + digits : "")
    }
}

/// A titled table: the unit every command prints, as aligned text, JSON or CSV.
struct Table {
    /// Key used in JSON and CSV output (`by-kind`).
    var key: String
    /// Heading for people (`Entities by kind`).
    var title: String
    var columns: [String]
    var rows: [[Cell]]

    init(key: String, title: String, columns: [String], rows: [[Cell]] = []) {
        self.key = key
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    var jsonRows: JSONValue {
        .array(rows.map { row in .object(zip(columns, row).map { ($0, $1.json) }) })
    }

    /// Aligned columns; numbers right-aligned. Width counts East Asian wide characters as two.
    /// Text cells wider than this are cut with "…" in the table format (JSON and CSV keep them whole).
    static let maximumCellWidth = 72

    func renderText(showTitle: Bool = true) -> String {
        let rows = self.rows.map { row in row.map { cell -> Cell in
            if case let .text(s) = cell, Table.displayWidth(s) > Table.maximumCellWidth { return .text(Table.truncate(s)) }
            return cell
        } }
        var widths = columns.map(Table.displayWidth)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], Table.displayWidth(cell.plain)) }
        }
        var lines: [String] = []
        if showTitle { lines.append(title) }
        func line(_ cells: [String], numeric: [Bool]) -> String {
            var parts: [String] = []
            for (i, text) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - Table.displayWidth(text))
                parts.append(numeric[i] ? pad + text : text + pad)
            }
            var joined = parts.joined(separator: "  ")
            while joined.hasSuffix(" ") { joined.removeLast() }
            return "  " + joined
        }
        lines.append(line(columns, numeric: columns.map { _ in false }))
        lines.append(line(widths.map { String(repeating: "─", count: $0) }, numeric: columns.map { _ in false }))
        for row in rows {
            let numeric = row.map { cell -> Bool in
                switch cell { case .int, .number: return true; default: return false }
            }
            lines.append(line(row.map(\.plain), numeric: numeric))
        }
        if rows.isEmpty { lines.append("  (none)") }
        return lines.joined(separator: "\n")
    }

    static func truncate(_ s: String) -> String {
        var out = ""
        for ch in s {
            if displayWidth(out + String(ch)) > maximumCellWidth - 1 { break }
            out.append(ch)
        }
        return out + "…"
    }

    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            if scalar.properties.generalCategory == .nonspacingMark { return width }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
                || (0x20000...0x3FFFD).contains(v)
            return width + (wide ? 2 : 1)
        }
    }

    static func csvField(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// CSV with a header row; numbers at full precision.
    func renderCSV(prefixColumn: String? = nil) -> String {
        var lines: [String] = []
        lines.append(((prefixColumn.map { _ in ["table"] } ?? []) + columns).map(Table.csvField).joined(separator: ","))
        for row in rows {
            let cells = row.map { cell -> String in
                if case let .number(d) = cell { return "\(d)" }
                return cell.plain
            }
            lines.append(((prefixColumn.map { [$0] } ?? []) + cells).map(Table.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }
}
