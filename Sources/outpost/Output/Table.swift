import Foundation
import Outpost

/// One cell of a table: text for people, a typed value for JSON.
enum Cell {
    case text(String)
    case int(Int)
    case number(Double)
    /// Several values: joined by `separator` for people and CSV, an array in JSON.
    case list([String], separator: String)
    case none

    var plain: String {
        switch self {
        case let .text(s): return s
        case let .int(i): return String(i)
        case let .number(d): return Cell.format(d)
        case let .list(values, separator): return values.joined(separator: separator)
        case .none: return ""
        }
    }

    var json: JSONValue {
        switch self {
        case let .text(s): return .string(s)
        case let .int(i): return .int(i)
        case let .number(d): return .double(d)
        case let .list(values, _): return .array(values.map { .string($0) })
        case .none: return .null
        }
    }

    /// For people (``ResultValue/formatted(_:)``): JSON and CSV keep full precision.
    static func format(_ d: Double) -> String { ResultValue.formatted(d) }

    /// A library result value as a cell.
    init(_ value: ResultValue) {
        switch value {
        case let .text(s): self = .text(s)
        case let .integer(i): self = .int(i)
        case let .number(d): self = .number(d)
        case .none: self = .none
        }
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

    /// A library result table, laid out for the terminal, JSON or CSV.
    init(_ table: ResultTable) {
        self.init(key: table.key, title: table.title, columns: table.columns, rows: table.rows.map { $0.map(Cell.init) })
    }

    var jsonRows: JSONValue {
        .array(rows.map { row in .object(zip(columns, row).map { ($0, $1.json) }) })
    }

    /// Aligned columns; numbers right-aligned. Width counts East Asian wide characters as two.
    /// Text cells wider than this are cut with "…" in the table format (JSON and CSV keep them whole).
    static let maximumCellWidth = 72

    /// Text cells with every control, bidirectional-override and newline character written as
    /// `\u{…}` (``escapingNonPrintable(_:)``): data in a table or CSV can neither move the
    /// cursor, recolour or retitle the terminal nor fake a row. JSON escapes them itself.
    var neutralisedRows: [[Cell]] {
        rows.map { row in row.map { cell in
            switch cell {
            case let .text(s): return .text(escapingNonPrintable(s))
            case let .list(values, separator): return .list(values.map(escapingNonPrintable), separator: separator)
            default: return cell
            }
        } }
    }

    func renderText(showTitle: Bool = true) -> String {
        let rows = neutralisedRows.map { row in row.map { cell -> Cell in
            if case let .text(s) = cell, Table.displayWidth(s) > Table.maximumCellWidth { return .text(Table.truncate(s)) }
            return cell
        } }
        var widths = columns.map(Table.displayWidth)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], Table.displayWidth(cell.plain)) }
        }
        var lines: [String] = []
        if showTitle { lines.append(escapingNonPrintable(title)) }
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
        for row in neutralisedRows {
            let cells = row.map { cell -> String in
                if case let .number(d) = cell { return "\(d)" }
                return cell.plain
            }
            lines.append(((prefixColumn.map { [$0] } ?? []) + cells).map(Table.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }
}
