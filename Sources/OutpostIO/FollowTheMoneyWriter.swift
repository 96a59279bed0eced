import Foundation
import OutpostGraph

/// Writes a dataset view as FollowTheMoney entities, one JSON object per line
/// (`{"id", "schema", "properties": {name: [values]}}`), as Aleph and `ftm` read them.
///
/// - Sources become `Article` entities (id `source.ID`; FtM ids hold letters, digits, `-` and `.`): `title`, `publisher`, `publishedAt`,
///   `sourceUrl`, `fileName`, `notes`.
/// - Entities (id `entity.ID`) by kind: ministry, provincial department, public security bureau
///   and government body → `PublicBody`; police station, association, organisation →
///   `Organization`; person → `Person`; campaign → `Project`; event → `Event`; report →
///   `Document`. `name`, `alias` (aliases), `country` (the name as the dataset writes it; FtM's
///   cleaning, as `ftm validate` and Aleph's ingest apply it, turns it into an ISO code),
///   `address` (the city), `notes` (each attribute as `key: value`), `proof` (the cited sources).
/// - Relations (id `relation.rN`) as interval schemata: `heads` → `Directorship` (director,
///   organization), `member-of` → `Membership` (member, organization) when the ends' schemata
///   allow it, `documented` by a report → `Documentation`; every other type → `UnknownLink`
///   (subject = from, object = to). `role` is the relation type, `status` the evidence status,
///   `startDate`, `endDate`, `date` the dates as written, `description` the note, `proof` the
///   cited sources.
///
/// FtM has no slot for an excerpt or for who confirmed or denied (`by`): both are carried in
/// `summary`, one value per citation (`source-id: excerpt`) and one `by: entity.ID …`, and the
/// entities' excerpts likewise. The published totals have no FtM form and are not written.
public struct FollowTheMoneyWriter {
    public init() {}

    /// Writes the file atomically: a failed write leaves no partial file.
    public func write(_ view: DatasetView, to path: String) throws {
        try writeAtomically(write(view), to: path)
    }

    public func write(_ view: DatasetView) -> String {
        let dataset = view.dataset
        var lines: [String] = []
        func emit(_ id: String, _ schema: String, _ properties: [String: [String]]) {
            lines.append(DatasetFields.json(FtMEntity(id: id, schema: schema, properties: properties.filter { !$0.value.isEmpty })))
        }
        for source in dataset.sources {
            var p: [String: [String]] = ["title": [source.title], "name": [source.title]]
            p["publisher"] = source.publisher.map { [$0] }
            p["publishedAt"] = source.date.map { [$0.description] }
            p["sourceUrl"] = source.url.map { [$0] }
            p["fileName"] = source.file.map { [$0] }
            p["notes"] = source.note.map { [$0] }
            emit(Self.id(source: source.id), "Article", p)
        }
        var schemaOf: [String: String] = [:]
        for entity in view.entities {
            let schema = Self.schema(of: entity.kind)
            schemaOf[entity.id] = schema
            var p: [String: [String]] = ["name": [entity.name], "alias": entity.aliases]
            p["country"] = entity.country.map { [$0] }
            p["address"] = entity.city.map { [$0] }
            p["notes"] = entity.attributes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            p["proof"] = entity.citations.sourceIDs.map(Self.id(source:))
            p["summary"] = entity.citations.map { "\($0.source): \($0.excerpt)" }
            emit(Self.id(entity: entity.id), schema, p)
        }
        for r in view.relationIndices {
            let relation = dataset.relations[r]
            let from = Self.id(entity: relation.from), to = Self.id(entity: relation.to)
            let organization: Set<String> = ["Organization", "PublicBody"], legal: Set<String> = ["Organization", "PublicBody", "Person"]
            let fromSchema = schemaOf[relation.from] ?? "", toSchema = schemaOf[relation.to] ?? ""
            var schema = "UnknownLink"
            var p: [String: [String]] = ["subject": [from], "object": [to]]
            if relation.type == .heads && legal.contains(fromSchema) && organization.contains(toSchema) {
                schema = "Directorship"; p = ["director": [from], "organization": [to]]
            } else if relation.type == .memberOf && legal.contains(fromSchema) && organization.contains(toSchema) {
                schema = "Membership"; p = ["member": [from], "organization": [to]]
            } else if relation.type == .documented && fromSchema == "Document" {
                schema = "Documentation"; p = ["document": [from], "entity": [to]]
            }
            p["role"] = [relation.type.rawValue]
            p["status"] = [relation.status.rawValue]
            p["startDate"] = relation.start.map { [$0.description] }
            p["endDate"] = relation.end.map { [$0.description] }
            p["date"] = relation.date.map { [$0.description] }
            p["description"] = relation.note.map { [$0] }
            p["proof"] = relation.citations.sourceIDs.map(Self.id(source:))
            p["summary"] = relation.citations.map { "\($0.source): \($0.excerpt)" }
                + (relation.by.isEmpty ? [] : ["by: " + relation.by.map(Self.id(entity:)).joined(separator: " ")])
            emit(Self.id(relation: r), schema, p)
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The FtM schema an entity kind is written as.
    public static func schema(of kind: EntityKind) -> String {
        switch kind {
        case .ministry, .provincialDepartment, .publicSecurityBureau, .governmentBody: return "PublicBody"
        case .policeStation, .association, .organisation: return "Organization"
        case .person: return "Person"
        case .campaign: return "Project"
        case .event: return "Event"
        case .report: return "Document"
        }
    }

    static func id(source: String) -> String { "source." + source }
    static func id(entity: String) -> String { "entity." + entity }
    static func id(relation index: Int) -> String { "relation." + DatasetFields.edgeID(index) }
}

private struct FtMEntity: Encodable {
    var id: String
    var schema: String
    var properties: [String: [String]]
}
