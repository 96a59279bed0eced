import Foundation
import OutpostGraph

/// Reads ``DatasetSheets`` (a folder of CSV files, as ``DatasetSheetsWriter`` writes them and a
/// spreadsheet saves them) back into a dataset, checked as a YAML dataset is.
///
/// Columns may come in any order, but each sheet must have all of its own and no other; blank
/// rows are skipped; an empty cell is an absent value (an empty `status` is `reported`, as in
/// YAML). Every problem is reported at once, each at `FOLDER/SHEET.csv:ROW:COLUMN` with the
/// column's name: an unknown kind, type or status, a date or number that does not parse, an
/// attribute line without `key: value`, a citation of an item no sheet has; then what
/// ``Dataset/validate(skippingKindChecksFor:)`` finds, at the item's row.
public struct DatasetSheetsReader {
    public init() {}

    /// - Returns: the dataset (named after the folder) and its warnings.
    /// - Throws: ``DiagnosticsError`` with every error; ``InputError`` for a missing folder or sheet.
    public func read(folder: String) throws -> (Dataset, [Diagnostic]) {
        var problems: [Diagnostic] = []
        struct Cell { var text: String; var at: SourceLocation }
        typealias Row = (line: Int, cells: [String: Cell])
        func sheet(_ file: String, _ columns: [String]) throws -> [Row] {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(file).path
            let data = try InputBytes.read(path, expecting: "CSV")
            return try InputBytes.withText(data, file: path) { bytes -> [Row] in
                var scanner = CSVScanner(bytes: bytes)
                guard try scanner.nextRow(file: path) != nil else {
                    throw DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: path, line: 1), "the sheet is empty",
                                                       hint: "its first row names the columns: \(columns.joined(separator: ","))")])
                }
                let names = scanner.fields.map { scanner.text(of: $0).trimmingCharacters(in: .whitespaces) }
                let missing = columns.filter { !names.contains($0) }, unknown = names.filter { !columns.contains($0) }
                if !missing.isEmpty || !unknown.isEmpty || Set(names).count != names.count {
                    throw DiagnosticsError([Diagnostic(.error, at: SourceLocation(file: path, line: 1),
                        "the columns are \(printable(names.joined(separator: ",")))" + (missing.isEmpty ? "" : "; missing: \(missing.joined(separator: ", "))")
                            + (unknown.isEmpty ? "" : "; unknown: \(printable(unknown.joined(separator: ", ")))"),
                        hint: "the sheet's first row names each of its columns once: \(columns.joined(separator: ","))")])
                }
                var rows: [Row] = []
                while let line = try scanner.nextRow(file: path) {
                    if scanner.fields.allSatisfy(\.isEmpty) { continue }
                    guard scanner.fields.count == names.count else {
                        problems.append(Diagnostic(.error, at: SourceLocation(file: path, line: line), "the row has \(scanner.fields.count) cells, the header \(names.count)",
                                                   hint: "check for a missing or extra comma; quote cells that hold commas"))
                        continue
                    }
                    var cells: [String: Cell] = [:]
                    for (name, field) in zip(names, scanner.fields) where !field.isEmpty {
                        cells[name] = Cell(text: scanner.text(of: field), at: SourceLocation(file: path, line: line, column: field.column))
                    }
                    rows.append((line, cells))
                }
                return rows
            }
        }
        func rowLocation(_ file: String, _ line: Int) -> SourceLocation {
            SourceLocation(file: URL(fileURLWithPath: folder).appendingPathComponent(file).path, line: line)
        }
        func problem(_ cell: Cell, _ column: String, _ message: String, _ hint: String) {
            problems.append(Diagnostic(.error, at: cell.at, "column \(column): \(message)", hint: hint))
        }
        func date(_ row: Row, _ column: String) -> PartialDate? {
            guard let cell = row.cells[column] else { return nil }
            guard let value = PartialDate(cell.text.trimmingCharacters(in: .whitespaces)) else {
                problem(cell, column, "'\(printable(cell.text))' is not a date", "write YYYY, YYYY-MM or YYYY-MM-DD")
                return nil
            }
            return value
        }
        func number(_ row: Row, _ column: String) -> Int? {
            guard let cell = row.cells[column] else { return nil }
            guard let value = Int(cell.text.trimmingCharacters(in: .whitespaces)) else {
                problem(cell, column, "'\(printable(cell.text))' is not a whole number", "write digits only, such as 54")
                return nil
            }
            return value
        }
        func word<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ row: Row, _ column: String, file: String) -> T? where T.RawValue == String {
            guard let cell = row.cells[column] else {
                problems.append(Diagnostic(.error, at: rowLocation(file, row.line), "column \(column) is empty",
                                           hint: "write one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))"))
                return nil
            }
            guard let value = T(rawValue: cell.text.trimmingCharacters(in: .whitespaces)) else {
                let near = suggestions(for: cell.text, in: T.allCases.map(\.rawValue), limit: 1)
                problem(cell, column, "unknown \(column) '\(printable(cell.text))'",
                        (near.isEmpty ? "" : "did you mean '\(near[0])'? ") + "valid: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return value
        }
        func required(_ row: Row, _ column: String, file: String) -> String? {
            guard let text = row.cells[column]?.text else {
                problems.append(Diagnostic(.error, at: rowLocation(file, row.line), "column \(column) is empty", hint: "every row needs a \(column)"))
                return nil
            }
            return text
        }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else { throw InputError.notFound(folder) }
        guard isDirectory.boolValue else { throw InputError.unreadable(folder, "not a folder of sheets; give the folder that holds sources.csv, entities.csv, …") }

        let datasetRow = try sheet("dataset.csv", DatasetSheets.dataset).first
        var sources: [Source] = []
        for row in try sheet("sources.csv", DatasetSheets.sources) {
            guard let id = required(row, "id", file: "sources.csv"), let title = required(row, "title", file: "sources.csv") else { continue }
            sources.append(Source(id: id, title: title, publisher: row.cells["publisher"]?.text, date: date(row, "date"),
                                  url: row.cells["url"]?.text, file: row.cells["file"]?.text, note: row.cells["note"]?.text,
                                  location: rowLocation("sources.csv", row.line)))
        }
        var entities: [Entity] = []
        var unknownKinds = Set<String>()
        for row in try sheet("entities.csv", DatasetSheets.entities) {
            guard let id = required(row, "id", file: "entities.csv") else { continue }
            let kind = word(EntityKind.self, row, "kind", file: "entities.csv")
            if kind == nil { unknownKinds.insert(id) }
            guard let name = required(row, "name", file: "entities.csv") else { continue }
            var attributes: [String: String] = [:]
            if let cell = row.cells["attributes"] {
                for line in cell.text.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    guard let colon = line.range(of: ": ") else {
                        problem(cell, "attributes", "the line '\(printable(String(line)))' is not `key: value`", "write one `key: value` per line of the cell")
                        continue
                    }
                    attributes[String(line[..<colon.lowerBound])] = String(line[colon.upperBound...])
                }
            }
            entities.append(Entity(id: id, kind: kind ?? .organisation, name: name,
                                   aliases: row.cells["aliases"].map { $0.text.split(whereSeparator: \.isNewline).map(String.init) } ?? [],
                                   country: row.cells["country"]?.text, city: row.cells["city"]?.text, attributes: attributes,
                                   location: rowLocation("entities.csv", row.line)))
        }
        var relations: [Relation] = []
        var relationIndex: [String: Int] = [:]
        for row in try sheet("relations.csv", DatasetSheets.relations) {
            guard let id = required(row, "id", file: "relations.csv"), let from = required(row, "from", file: "relations.csv"),
                  let to = required(row, "to", file: "relations.csv") else { continue }
            let type = word(RelationType.self, row, "type", file: "relations.csv")
            let status = row.cells["status"] == nil ? .reported : word(EvidenceStatus.self, row, "status", file: "relations.csv")
            let start = date(row, "start"), end = date(row, "end"), day = date(row, "date")
            guard let type, let status else { continue }
            if relationIndex[id] != nil { problem(row.cells["id"]!, "id", "relation id '\(printable(id))' is used twice", "give each row its own id"); continue }
            relationIndex[id] = relations.count
            relations.append(Relation(from: from, type: type, to: to, status: status,
                                      by: (row.cells["by"]?.text ?? "").split(whereSeparator: { $0 == " " || $0.isNewline }).map(String.init),
                                      start: start, end: end, date: day, note: row.cells["note"]?.text,
                                      location: rowLocation("relations.csv", row.line)))
        }
        var totals: [PublishedTotal] = []
        var totalIndex: [String: Int] = [:]
        for row in try sheet("totals.csv", DatasetSheets.totals) {
            guard let id = required(row, "id", file: "totals.csv"), let label = required(row, "label", file: "totals.csv"),
                  let measure = required(row, "measure", file: "totals.csv"), let valueText = required(row, "value", file: "totals.csv") else { continue }
            _ = valueText
            guard let value = number(row, "value") else { continue }
            totalIndex[id] = totals.count
            totals.append(PublishedTotal(label: label, measure: measure, value: value, countries: number(row, "countries"),
                                         scope: row.cells["scope"]?.text, country: row.cells["country"]?.text, date: date(row, "date"),
                                         location: rowLocation("totals.csv", row.line)))
        }
        let entityIndex = Dictionary(entities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for row in try sheet("citations.csv", DatasetSheets.citations) {
            guard let of = row.cells["of"], let id = required(row, "id", file: "citations.csv"),
                  let source = required(row, "source", file: "citations.csv"), let excerpt = required(row, "excerpt", file: "citations.csv") else {
                if row.cells["of"] == nil { problems.append(Diagnostic(.error, at: rowLocation("citations.csv", row.line), "column of is empty", hint: "write entity, relation or total")) }
                continue
            }
            let citation = Citation(source: source, excerpt: excerpt, location: rowLocation("citations.csv", row.line))
            switch of.text {
            case "entity":
                guard let i = entityIndex[id] else { problem(row.cells["id"]!, "id", "no entity has the id '\(printable(id))'", "give an id from entities.csv"); continue }
                entities[i].citations.append(citation)
            case "relation":
                guard let i = relationIndex[id] else { problem(row.cells["id"]!, "id", "no relation has the id '\(printable(id))'", "give an id from relations.csv"); continue }
                relations[i].citations.append(citation)
            case "total":
                guard let i = totalIndex[id] else { problem(row.cells["id"]!, "id", "no total has the id '\(printable(id))'", "give an id from totals.csv"); continue }
                totals[i].citations.append(citation)
            default:
                problem(of, "of", "'\(printable(of.text))' is not entity, relation or total", "write entity, relation or total")
            }
        }
        if problems.contains(where: { $0.severity == .error }) { throw DiagnosticsError(problems.sortedByLocation()) }
        let dataset = Dataset(name: URL(fileURLWithPath: folder).lastPathComponent, title: datasetRow?.cells["title"]?.text,
                              description: datasetRow?.cells["description"]?.text, sources: sources, entities: entities,
                              relations: relations, totals: totals)
        let found = dataset.validate(skippingKindChecksFor: unknownKinds)
        let errors = found.filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticsError(errors) }
        return (dataset, found)
    }
}
