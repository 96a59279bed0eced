import Foundation
import OutpostGraph
import Yams

/// Reads a dataset folder in the native YAML format (see `Graphs/FORMAT.md`).
///
/// Every `*.yaml` file under the folder is read in path order and merged. The reader does not
/// stop at the first problem: it collects a ``Diagnostic`` (file, line, column, what, how to
/// fix) for each one, skips only the item at fault, and returns what it could read with the
/// problems, so that `outpost validate` can list them all at once.
public struct DatasetReader {
    public init() {}

    /// The dataset read and the problems found in the text (syntax, unknown keys, words
    /// outside the closed vocabularies, dates that do not parse).
    public struct Result: Sendable {
        public var dataset: Dataset
        public var diagnostics: [Diagnostic]
        /// Ids of entities whose `kind` is not in the vocabulary (each already an error in
        /// `diagnostics`); they are kept, with a stand-in kind, so that relations to them are
        /// not also reported as dangling, and ``problems`` checks no relation against that kind.
        public var entitiesOfUnknownKind: Set<String> = []

        /// Every problem: those found in the text and those ``Dataset/validate(skippingKindChecksFor:)``
        /// finds, in file and line order.
        public var problems: [Diagnostic] {
            (diagnostics + dataset.validate(skippingKindChecksFor: entitiesOfUnknownKind)).sortedByLocation()
        }
    }

    /// Reads the folder at `path` (or a single YAML file).
    ///
    /// - Throws: ``InputError`` when the path does not exist, holds no YAML file, or is a file
    ///   that is not YAML (a CSV or GraphML graph is not a dataset).
    public func read(at path: String) throws -> Result {
        let root = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError.notFound(path)
        }
        var files: [(display: String, url: URL)] = []
        var folderDiagnostics: [Diagnostic] = []
        if isDirectory.boolValue {
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            var found: [String] = []
            var folders: [String] = []
            while let url = enumerator?.nextObject() as? URL {
                guard url.pathExtension == "yaml" || url.pathExtension == "yml" else { continue }
                let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
                    folders.append(relative)  // its YAML files, if any, are read as those of a subfolder
                } else {
                    found.append(relative)
                }
            }
            for relative in found.sorted() {
                let display = path.hasSuffix("/") ? path + relative : path + "/" + relative
                files.append((display, root.appendingPathComponent(relative)))
            }
            for relative in folders.sorted() {
                let display = path.hasSuffix("/") ? path + relative : path + "/" + relative
                folderDiagnostics.append(Diagnostic(.error, at: SourceLocation(file: display, line: 1),
                    "a folder named like a YAML file", hint: "rename the folder (without .yaml or .yml); the YAML files in it are read all the same"))
            }
            if files.isEmpty && folderDiagnostics.isEmpty { throw InputError.emptyDataset(path) }
        } else {
            guard ["yaml", "yml"].contains(root.pathExtension.lowercased()) else { throw InputError.notADataset(path) }
            files.append((path, root))
        }
        var parser = Parser()
        parser.diagnostics = folderDiagnostics
        for file in files {
            // The bytes are read and checked here, so that no Foundation error (which names
            // no line and no fix) reaches the person reading the message.
            let data: Data
            do {
                data = try InputBytes.read(file.url.path, expecting: "YAML")
            } catch let error as InputError {
                parser.diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file.display, line: 1), "\(error)"
                    .replacingOccurrences(of: printable(file.url.path) + ": ", with: "")))
                continue
            }
            parser.read(data, file: file.display)
        }
        if parser.entities.isEmpty && !parser.diagnostics.contains(where: { $0.severity == .error }) {
            parser.diagnostics.append(Diagnostic(.error, at: SourceLocation(file: files.first?.display ?? path, line: 1),
                "the dataset holds no entities", hint: "add an `entities:` list (see Graphs/FORMAT.md)"))
        }
        let name = root.standardizedFileURL.lastPathComponent
        let dataset = Dataset(name: isDirectory.boolValue ? name : root.deletingPathExtension().lastPathComponent,
                              title: parser.title, description: parser.description,
                              sources: parser.sources, entities: parser.entities,
                              relations: parser.relations, totals: parser.totals)
        return Result(dataset: dataset, diagnostics: parser.diagnostics + parser.relationDiagnostics(in: dataset),
                      entitiesOfUnknownKind: parser.entitiesOfUnknownKind)
    }

    /// Reads one YAML file's bytes as a dataset (`file` names it in diagnostics).
    public func read(_ data: Data, file: String = "<input>") -> Result {
        var parser = Parser()
        parser.read(data, file: file)
        let dataset = Dataset(name: file, title: parser.title, description: parser.description,
                              sources: parser.sources, entities: parser.entities,
                              relations: parser.relations, totals: parser.totals)
        return Result(dataset: dataset, diagnostics: parser.diagnostics + parser.relationDiagnostics(in: dataset),
                      entitiesOfUnknownKind: parser.entitiesOfUnknownKind)
    }

    /// Reads a dataset and fails unless it is free of errors, both in the text and in its
    /// references (``Dataset/validate()``). Warnings are returned.
    public func readValid(at path: String) throws -> (Dataset, [Diagnostic]) {
        let result = try read(at: path)
        let all = result.problems
        let errors = all.filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticsError(errors) }
        return (result.dataset, all)
    }
}

/// Walks the YAML node tree of one file after another, building the model.
private struct Parser {
    var title: String?
    var description: String?
    var sources: [Source] = []
    var entities: [Entity] = []
    var relations: [Relation] = []
    var totals: [PublishedTotal] = []
    var diagnostics: [Diagnostic] = []
    var entitiesOfUnknownKind: Set<String> = []
    /// Relations left out of the dataset because their type or status is unknown: what else
    /// is wrong with them is still reported (``relationDiagnostics(in:)``).
    private var unreadRelations: [Dataset.UnreadRelation] = []
    private var datasetLocation: SourceLocation?
    private var file = ""

    /// Checks one file's bytes as text (UTF-8, no NUL), then parses them.
    mutating func read(_ data: Data, file: String) {
        let problem = data.withUnsafeBytes { InputBytes.textProblem(in: $0.bindMemory(to: UInt8.self), file: file) }
        if let problem {
            diagnostics.append(problem)
            return
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }  // a byte order mark says nothing in UTF-8
        if text.allSatisfy(\.isWhitespace) {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: file, line: 1), "the file is empty",
                hint: "add dataset, sources, entities or relations to it, or delete it"))
            return
        }
        parse(text, file: file)
    }

    mutating func parse(_ text: String, file: String) {
        self.file = file
        let root: Node?
        do {
            // Every scalar is read as text (the reader parses dates and numbers itself), so no
            // tag is resolved: the default resolver ran regular expressions for each scalar, and
            // on each mapping key again when checking duplicates, most of a command's time on
            // the bundled dataset.
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, file: file))
            return
        } catch {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: 1), "the YAML cannot be read",
                                          hint: "check that this is a YAML file (see Graphs/FORMAT.md)"))
            return
        }
        guard let root else { return }
        guard let mapping = root.mapping else {
            fail(root, "the file must be a mapping with keys dataset, sources, entities or relations")
            return
        }
        for (key, value) in mapping {
            switch key.string {
            case "dataset": parseDataset(value)
            case "sources": forEach(value, "sources") { parser, node in parser.parseSource(node) }
            case "entities": forEach(value, "entities") { parser, node in parser.parseEntity(node) }
            case "relations": forEach(value, "relations") { parser, node in parser.parseRelation(node) }
            default:
                unknownKey(key, allowed: ["dataset", "sources", "entities", "relations"])
            }
        }
    }

    /// The problems of the relations that could not be read whole, checked against `dataset`.
    func relationDiagnostics(in dataset: Dataset) -> [Diagnostic] {
        unreadRelations.flatMap { dataset.problems(ofUnreadRelation: $0, skippingKindChecksFor: entitiesOfUnknownKind) }
    }

    /// The line and column of a byte offset into `text`.
    static func position(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1, consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += UTF8.width(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return Diagnostic(.error, at: SourceLocation(file: file, line: mark.line, column: mark.column),
                              "YAML syntax: \(what)",
                              hint: "check indentation, colons and quotes; an excerpt with ': ' or '#' must be quoted")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(.error, at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                              "duplicate key(s) \(duplicates.map { printable($0) }.joined(separator: ", ")) in one mapping",
                              hint: "each key may appear once per item")
        case let .reader(problem, offset, _, yaml):
            let (line, column) = offset.map { position(ofByte: $0, in: yaml) } ?? (1, 1)
            return Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), "YAML cannot hold this text: \(problem)",
                              hint: "remove the control character; YAML allows tab and line ends but no other")
        default:
            // Yams's own description quotes the whole file; say only what kind of failure it is.
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1), "the YAML cannot be read",
                              hint: "check that this is a YAML file (see Graphs/FORMAT.md)")
        }
    }

    // MARK: Helpers

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    mutating func fail(_ node: Node, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, at: location(node), message, hint: hint))
    }

    mutating func unknownKey(_ key: Node, allowed: [String]) {
        let word = key.string ?? "?"
        let near = suggestions(for: word, in: allowed, limit: 1)
        fail(key, "unknown key '\(printable(word))'",
             hint: near.isEmpty ? "valid keys: \(allowed.joined(separator: ", "))" : "did you mean '\(near[0])'?")
    }

    mutating func forEach(_ node: Node, _ what: String, _ body: (inout Parser, Node) -> Void) {
        guard let sequence = node.sequence else {
            fail(node, "'\(what)' must be a list (items start with '- ')")
            return
        }
        for item in sequence { body(&self, item) }
    }

    /// A mapping's scalar fields, with unknown keys reported.
    mutating func fields(_ node: Node, allowed: [String], what: String) -> [String: Node]? {
        guard let mapping = node.mapping else {
            fail(node, "each of the \(what) must be a mapping of key: value")
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string, allowed.contains(name) else {
                unknownKey(key, allowed: allowed)
                continue
            }
            result[name] = value
        }
        return result
    }

    mutating func text(_ fields: [String: Node], _ key: String, required: Bool, in node: Node, what: String) -> String? {
        guard let value = fields[key] else {
            if required { fail(node, "\(what) has no '\(key)'", hint: "add `\(key): …`") }
            return nil
        }
        guard let scalar = value.scalar else {
            fail(value, "'\(key)' must be a single value, not a list or mapping")
            return nil
        }
        let string = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if string.isEmpty || (scalar.style == .plain && ["~", "null"].contains(string)) {
            if required { fail(value, "\(what) has an empty '\(key)'") }
            return nil
        }
        return string
    }

    mutating func strings(_ fields: [String: Node], _ key: String) -> [String] {
        guard let value = fields[key] else { return [] }
        if let scalar = value.scalar { return [scalar.string] }
        guard let sequence = value.sequence else {
            fail(value, "'\(key)' must be a list of values")
            return []
        }
        var result: [String] = []
        for item in sequence {
            if let scalar = item.scalar { result.append(scalar.string) } else { fail(item, "each of '\(key)' must be a single value") }
        }
        return result
    }

    mutating func date(_ fields: [String: Node], _ key: String, in node: Node, what: String) -> PartialDate? {
        guard let string = text(fields, key, required: false, in: node, what: what) else { return nil }
        guard let date = PartialDate(string) else {
            fail(fields[key]!, "'\(printable(string))' is not a date", hint: "write YYYY, YYYY-MM or YYYY-MM-DD")
            return nil
        }
        return date
    }

    mutating func vocabulary<T: RawRepresentable & CaseIterable>(_ fields: [String: Node], _ key: String, in node: Node,
                                                               what: String) -> T? where T.RawValue == String {
        guard let word = text(fields, key, required: true, in: node, what: what) else { return nil }
        if let value = T(rawValue: word) { return value }
        let all = T.allCases.map(\.rawValue)
        let near = suggestions(for: word, in: all, limit: 1)
        fail(fields[key]!, "unknown \(key) '\(printable(word))'",
             hint: (near.isEmpty ? "" : "did you mean '\(near[0])'? ") + "valid: \(all.joined(separator: ", "))")
        return nil
    }

    mutating func citations(_ fields: [String: Node], in node: Node, what: String) -> [Citation] {
        guard let value = fields["cite"] else { return [] }
        guard let sequence = value.sequence else {
            fail(value, "'cite' must be a list of `- source: …` / `excerpt: …` items")
            return []
        }
        var result: [Citation] = []
        for item in sequence {
            guard let f = self.fields(item, allowed: ["source", "excerpt"], what: "citations") else { continue }
            guard let source = text(f, "source", required: true, in: item, what: "the citation"),
                  let excerpt = text(f, "excerpt", required: true, in: item, what: "the citation") else { continue }
            result.append(Citation(source: source, excerpt: excerpt, location: location(item)))
        }
        return result
    }

    // MARK: Items

    mutating func parseDataset(_ node: Node) {
        if let earlier = datasetLocation {
            fail(node, "a second 'dataset' section", hint: "keep one; the first is at \(earlier)")
            return
        }
        datasetLocation = location(node)
        guard let f = fields(node, allowed: ["title", "description", "totals"], what: "dataset") else { return }
        title = text(f, "title", required: false, in: node, what: "the dataset")
        description = text(f, "description", required: false, in: node, what: "the dataset")
        if let list = f["totals"] {
            forEach(list, "totals") { parser, item in parser.parseTotal(item) }
        }
    }

    mutating func parseTotal(_ node: Node) {
        let what = "the total"
        guard let f = fields(node, allowed: ["label", "measure", "value", "countries", "scope", "country", "date", "cite"], what: "totals"),
              let label = text(f, "label", required: true, in: node, what: what),
              let measure = text(f, "measure", required: true, in: node, what: what),
              let valueText = text(f, "value", required: true, in: node, what: what) else { return }
        guard let value = Int(valueText) else {
            fail(f["value"]!, "total value '\(printable(valueText))' is not a whole number")
            return
        }
        var countries: Int?
        if let c = text(f, "countries", required: false, in: node, what: what) {
            countries = Int(c)
            if countries == nil { fail(f["countries"]!, "countries '\(printable(c))' is not a whole number") }
        }
        totals.append(PublishedTotal(label: label, measure: measure, value: value, countries: countries,
                                     scope: text(f, "scope", required: false, in: node, what: what),
                                     country: text(f, "country", required: false, in: node, what: what),
                                     date: date(f, "date", in: node, what: what),
                                     citations: citations(f, in: node, what: what), location: location(node)))
    }

    mutating func parseSource(_ node: Node) {
        guard let f = fields(node, allowed: ["id", "title", "publisher", "date", "url", "file", "note"], what: "sources"),
              let id = text(f, "id", required: true, in: node, what: "the source") else { return }
        let what = "source '\(id)'"
        guard let title = text(f, "title", required: true, in: node, what: what) else { return }
        sources.append(Source(id: id, title: title,
                              publisher: text(f, "publisher", required: false, in: node, what: what),
                              date: date(f, "date", in: node, what: what),
                              url: text(f, "url", required: false, in: node, what: what),
                              file: text(f, "file", required: false, in: node, what: what),
                              note: text(f, "note", required: false, in: node, what: what),
                              location: location(node)))
    }

    mutating func parseEntity(_ node: Node) {
        let allowed = ["id", "kind", "name", "aliases", "country", "city", "attributes", "cite"]
        guard let f = fields(node, allowed: allowed, what: "entities"),
              let id = text(f, "id", required: true, in: node, what: "the entity") else { return }
        let what = "entity '\(id)'"
        let kind: EntityKind? = vocabulary(f, "kind", in: node, what: what)
        let name = text(f, "name", required: true, in: node, what: what)
        var attributes: [String: String] = [:]
        if let a = f["attributes"] {
            if let mapping = a.mapping {
                for (key, value) in mapping {
                    if let k = key.string, let v = value.scalar?.string { attributes[k] = v } else {
                        fail(key, "attributes must map names to single values")
                    }
                }
            } else {
                fail(a, "'attributes' must be a mapping of name: value")
            }
        }
        let entity = Entity(id: id, kind: kind ?? .organisation, name: name ?? id,
                            aliases: strings(f, "aliases"),
                            country: text(f, "country", required: false, in: node, what: what),
                            city: text(f, "city", required: false, in: node, what: what),
                            attributes: attributes, citations: citations(f, in: node, what: what),
                            location: location(node))
        // An entity with a bad kind is still recorded so that relations to it are not also
        // reported as dangling; the kind error above already fails validation.
        if kind == nil { entitiesOfUnknownKind.insert(id) }
        entities.append(entity)
    }

    mutating func parseRelation(_ node: Node) {
        let allowed = ["from", "type", "to", "status", "by", "start", "end", "date", "note", "cite"]
        guard let f = fields(node, allowed: allowed, what: "relations") else { return }
        let from = text(f, "from", required: true, in: node, what: "the relation")
        let to = text(f, "to", required: true, in: node, what: "the relation")
        let what = "relation \(from ?? "?") → \(to ?? "?")"
        let type: RelationType? = vocabulary(f, "type", in: node, what: what)
        let status: EvidenceStatus? = vocabulary(f, "status", in: node, what: what)
        let start = date(f, "start", in: node, what: what)
        let end = date(f, "end", in: node, what: what)
        let day = date(f, "date", in: node, what: what)
        let cites = citations(f, in: node, what: what)
        let by = strings(f, "by")
        guard let from, let to else { return }
        guard let type, let status else {
            // Reported above; the rest of the relation is still checked, so that a second run
            // finds nothing the first could have.
            let typeWord = f["type"]?.scalar?.string ?? "?"
            unreadRelations.append(Dataset.UnreadRelation(from: from, typeWord: printable(typeWord), type: type, to: to, status: status,
                                                          by: by, start: start, end: end, citations: cites, location: location(node)))
            return
        }
        relations.append(Relation(from: from, type: type, to: to, status: status, by: by,
                                  start: start, end: end, date: day,
                                  note: text(f, "note", required: false, in: node, what: what),
                                  citations: cites, location: location(node)))
    }
}
