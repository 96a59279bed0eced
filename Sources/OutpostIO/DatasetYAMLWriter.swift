import Foundation
import OutpostGraph

/// Writes a dataset as one YAML file in the dataset format (`Graphs/FORMAT.md`) that
/// ``DatasetReader`` reads back: `dataset` (title, description, totals), `sources`, `entities`,
/// `relations`, every field in the order FORMAT.md lists it.
///
/// Every string is a YAML double-quoted scalar written as JSON writes a string (JSON is YAML's
/// flow style), with the characters YAML would take for line breaks (U+0085, U+2028, U+2029)
/// and the characters YAML does not allow raw escaped too; lists and the attribute map are JSON
/// arrays and objects. No value can change
/// its meaning by what it holds, at the price of a file a person would write more plainly.
public struct DatasetYAMLWriter {
    public init() {}

    /// Writes `dataset.yaml` into `folder` (created if missing), atomically; returns its path.
    @discardableResult
    public func write(_ dataset: Dataset, toFolder folder: String) throws -> String {
        try createFolder(folder)
        let path = URL(fileURLWithPath: folder).appendingPathComponent("dataset.yaml").path
        try writeAtomically(write(dataset), to: path)
        return path
    }

    public func write(_ dataset: Dataset) -> String {
        var out = "# Written by outpost import; see Graphs/FORMAT.md.\ndataset:\n"
        if let title = dataset.title { out += "  title: \(Self.scalar(title))\n" }
        if let description = dataset.description { out += "  description: \(Self.scalar(description))\n" }
        if !dataset.totals.isEmpty {
            out += "  totals:\n"
            for total in dataset.totals {
                out += "    - label: \(Self.scalar(total.label))\n"
                out += "      measure: \(Self.scalar(total.measure))\n"
                out += "      value: \(total.value)\n"
                if let countries = total.countries { out += "      countries: \(countries)\n" }
                if let scope = total.scope { out += "      scope: \(Self.scalar(scope))\n" }
                if let country = total.country { out += "      country: \(Self.scalar(country))\n" }
                if let date = total.date { out += "      date: \(Self.scalar(date.description))\n" }
                out += Self.cite(total.citations, indent: "      ")
            }
        }
        out += "sources:\n"
        for source in dataset.sources {
            out += "  - id: \(Self.scalar(source.id))\n    title: \(Self.scalar(source.title))\n"
            if let publisher = source.publisher { out += "    publisher: \(Self.scalar(publisher))\n" }
            if let date = source.date { out += "    date: \(Self.scalar(date.description))\n" }
            if let url = source.url { out += "    url: \(Self.scalar(url))\n" }
            if let file = source.file { out += "    file: \(Self.scalar(file))\n" }
            if let note = source.note { out += "    note: \(Self.scalar(note))\n" }
        }
        out += "entities:\n"
        for entity in dataset.entities {
            out += "  - id: \(Self.scalar(entity.id))\n    kind: \(entity.kind.rawValue)\n    name: \(Self.scalar(entity.name))\n"
            if !entity.aliases.isEmpty { out += "    aliases: \(Self.flow(entity.aliases))\n" }
            if let country = entity.country { out += "    country: \(Self.scalar(country))\n" }
            if let city = entity.city { out += "    city: \(Self.scalar(city))\n" }
            if !entity.attributes.isEmpty { out += "    attributes: \(Self.flow(entity.attributes))\n" }
            out += Self.cite(entity.citations, indent: "    ")
        }
        out += "relations:\n"
        for relation in dataset.relations {
            out += "  - from: \(Self.scalar(relation.from))\n    type: \(relation.type.rawValue)\n    to: \(Self.scalar(relation.to))\n"
            out += "    status: \(relation.status.rawValue)\n"
            if !relation.by.isEmpty { out += "    by: \(Self.flow(relation.by))\n" }
            if let start = relation.start { out += "    start: \(Self.scalar(start.description))\n" }
            if let end = relation.end { out += "    end: \(Self.scalar(end.description))\n" }
            if let date = relation.date { out += "    date: \(Self.scalar(date.description))\n" }
            if let note = relation.note { out += "    note: \(Self.scalar(note))\n" }
            out += Self.cite(relation.citations, indent: "    ")
        }
        return out
    }

    static func cite(_ citations: [Citation], indent: String) -> String {
        guard !citations.isEmpty else { return "" }
        var out = "\(indent)cite:\n"
        for citation in citations {
            out += "\(indent)  - source: \(scalar(citation.source))\n\(indent)    excerpt: \(scalar(citation.excerpt))\n"
        }
        return out
    }

    /// A string as a YAML double-quoted scalar.
    static func scalar(_ text: String) -> String { yamlSafe(DatasetFields.json(text)) }

    /// A list or map in YAML's flow style (JSON's).
    static func flow<T: Encodable>(_ value: T) -> String { yamlSafe(DatasetFields.json(value)) }

    /// JSON text with what YAML reads otherwise escaped: DEL and the C1 controls (U+0085 is a line
    /// break to YAML), U+2028 and U+2029 (line breaks), the byte order mark, U+FFFE and U+FFFF.
    static func yamlSafe(_ json: String) -> String {
        var out = ""
        for scalar in json.unicodeScalars {
            switch scalar.value {
            case 0x7F...0x9F: out += "\\x" + String(scalar.value, radix: 16, uppercase: true)
            case 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: out += "\\u" + String(scalar.value, radix: 16, uppercase: true)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Creates `folder` and its parents if missing, or says why it cannot.
func createFolder(_ folder: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
        guard isDirectory.boolValue else { throw InputError.unwritable(folder, "a file is in the way of the folder") }
        return
    }
    do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
        throw InputError.unwritable(folder, "the folder cannot be created")
    }
}
