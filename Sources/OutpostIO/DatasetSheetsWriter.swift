import Foundation
import OutpostGraph

/// The sheets a dataset is edited as in a spreadsheet: one CSV file per table, one row per item,
/// the columns below in this order. ``DatasetSheetsWriter`` writes them, ``DatasetSheetsReader``
/// reads them back.
///
/// - `dataset.csv`: `title`, `description` (one row).
/// - `sources.csv`: `id`, `title`, `publisher`, `date`, `url`, `file`, `note`.
/// - `entities.csv`: `id`, `kind`, `name`, `aliases` (one per line of the cell), `country`,
///   `city`, `attributes` (one `key: value` per line of the cell).
/// - `relations.csv`: `id` (`r1`, `r2`… in row order; what citations refer to), `from`, `type`,
///   `to`, `status`, `by` (entity ids separated by spaces), `start`, `end`, `date`, `note`.
/// - `totals.csv`: `id` (`t1`…), `label`, `measure`, `value`, `countries`, `scope`, `country`, `date`.
/// - `citations.csv`: `of` (`entity`, `relation` or `total`), `id` (the entity's id, or the
///   relation's or total's id in its sheet), `source`, `excerpt`; each item's citations in order.
///
/// An empty cell is an absent value. Files are UTF-8 CSV (RFC 4180 quoting, cells may hold line
/// breaks), which spreadsheets open and save.
public enum DatasetSheets {
    public static let dataset = ["title", "description"]
    public static let sources = ["id", "title", "publisher", "date", "url", "file", "note"]
    public static let entities = ["id", "kind", "name", "aliases", "country", "city", "attributes"]
    public static let relations = ["id", "from", "type", "to", "status", "by", "start", "end", "date", "note"]
    public static let totals = ["id", "label", "measure", "value", "countries", "scope", "country", "date"]
    public static let citations = ["of", "id", "source", "excerpt"]

    /// Every sheet: its file name and columns.
    public static let all: [(file: String, columns: [String])] = [
        ("dataset.csv", dataset), ("sources.csv", sources), ("entities.csv", entities),
        ("relations.csv", relations), ("totals.csv", totals), ("citations.csv", citations),
    ]
}

/// Writes a dataset as ``DatasetSheets`` into a folder (created if missing), each file atomically.
///
/// A view's relations are numbered in the view's order. An alias or attribute that holds a line
/// break (the list separator), or an attribute key that holds `: `, is refused, naming the entity.
public struct DatasetSheetsWriter {
    public init() {}

    /// - Returns: the files written, in ``DatasetSheets/all``'s order.
    @discardableResult
    public func write(_ view: DatasetView, toFolder folder: String) throws -> [String] {
        let sheets = try self.sheets(view)
        try createFolder(folder)
        var files: [String] = []
        for (file, _) in DatasetSheets.all {
            let path = (folder.hasSuffix("/") ? folder : folder + "/") + file
            try writeAtomically(sheets[file]!, to: path)
            files.append(path)
        }
        return files
    }

    /// The text of each sheet, by file name.
    public func sheets(_ view: DatasetView) throws -> [String: String] {
        let dataset = view.dataset
        func table(_ columns: [String], _ rows: [[String?]]) -> String {
            ([columns] + rows.map { $0.map { $0 ?? "" } }).map(CSVText.row).joined()
        }
        func list(_ items: [String], of owner: String, field: String) throws -> String? {
            for item in items where item.contains(where: \.isNewline) {
                throw ExportError.valueNotAllowed(owner: owner, field: field, format: "a sheet's list cell", reason: "holds a line break, the list separator")
            }
            return items.isEmpty ? nil : items.joined(separator: "\n")
        }
        var citations: [[String?]] = []
        let sources = dataset.sources.map { [$0.id, $0.title, $0.publisher, $0.date?.description, $0.url, $0.file, $0.note] }
        var entities: [[String?]] = []
        for entity in view.entities {
            let owner = "entity '\(entity.id)'"
            for key in entity.attributes.keys where key.contains(": ") {
                throw ExportError.valueNotAllowed(owner: owner, field: "attributes", format: "a sheet's attributes cell", reason: "has a key holding ': '")
            }
            entities.append([entity.id, entity.kind.rawValue, entity.name, try list(entity.aliases, of: owner, field: "aliases"),
                             entity.country, entity.city,
                             try list(entity.attributes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }, of: owner, field: "attributes")])
            citations += entity.citations.map { ["entity", entity.id, $0.source, $0.excerpt] }
        }
        var relations: [[String?]] = []
        for (n, relation) in view.relations.enumerated() {
            let id = "r\(n + 1)"
            relations.append([id, relation.from, relation.type.rawValue, relation.to, relation.status.rawValue,
                              relation.by.isEmpty ? nil : relation.by.joined(separator: " "),
                              relation.start?.description, relation.end?.description, relation.date?.description, relation.note])
            citations += relation.citations.map { ["relation", id, $0.source, $0.excerpt] }
        }
        var totals: [[String?]] = []
        for (n, total) in dataset.totals.enumerated() {
            let id = "t\(n + 1)"
            totals.append([id, total.label, total.measure, String(total.value), total.countries.map(String.init), total.scope,
                           total.country, total.date?.description])
            citations += total.citations.map { ["total", id, $0.source, $0.excerpt] }
        }
        return ["dataset.csv": table(DatasetSheets.dataset, [[dataset.title, dataset.description]]),
                "sources.csv": table(DatasetSheets.sources, sources), "entities.csv": table(DatasetSheets.entities, entities),
                "relations.csv": table(DatasetSheets.relations, relations), "totals.csv": table(DatasetSheets.totals, totals),
                "citations.csv": table(DatasetSheets.citations, citations)]
    }
}
