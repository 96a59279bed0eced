import Foundation
import Outpost
import OutpostTestSupport
import Testing

/// ``DatasetView/profile(of:)`` against `outpost show --format json`.
@Suite struct EntityProfileTests {
    let mini = CommandLineTool.path("Tests/Data/mini")
    let bundled = CommandLineTool.path("Graphs/overseas-police-stations")

    @Test(arguments: [("Tests/Data/mini", "春田市公安局"), ("Graphs/overseas-police-stations", "Fuzhou Public Security Bureau")])
    func profileIsWhatShowPrints(_ input: String, _ query: String) throws {
        let path = CommandLineTool.path(input)
        let (dataset, _) = try DatasetReader().readValid(at: path)
        let profile = try DatasetView(dataset, filter: .everything).profile(of: query)
        #expect(!profile.relations.isEmpty)

        let cli = try CommandLineTool.run("show", path, query, "--format", "json")
        #expect(cli.status == 0, "\(cli.stderr)")
        let json = try #require(try CommandLineTool.json(cli.stdout) as? [String: Any])
        let fields = try #require(json["entity"] as? [[String: Any]])
        #expect(fields.first { $0["field"] as? String == "id" }?["value"] as? String == profile.entity.id)
        let relations = try #require(json["relations"] as? [[String: Any]])
        #expect(relations.count == profile.relations.count)
        for (item, row) in zip(profile.relations, relations) {
            let relation = try #require(item.link.relation)
            #expect(relation.from == profile.entity.id || relation.to == profile.entity.id)
            #expect(item.other == row["other"] as? String && item.otherName == row["other_name"] as? String)
            #expect(item.link.type == row["relation"] as? String && item.link.status == row["status"] as? String)
            #expect(item.link.direction?.symbol == row["direction"] as? String)
            #expect(item.link.direction == HopDirection(relation, leaving: profile.entity.id))
            #expect(item.link.period == row["when"] as? String, "show reads a relation's period as path does")
            #expect(item.link.sources == row["sources"] as? [String], "show --format json lists sources as an array")
        }
        let citations = try #require(json["citations"] as? [[String: Any]])
        #expect(citations.count == profile.citations.count + profile.relations.map(\.link.citations.count).reduce(0, +))
    }

    @Test func aFilterKeepsOnlyItsRelations() throws {
        let (dataset, _) = try DatasetReader().readValid(at: mini)
        let all = try DatasetView(dataset, filter: .everything).profile(of: "station-shelbyville")
        let confirmed = try DatasetView(dataset, filter: DatasetFilter(layers: RelationLayer.all, minimumStatus: .confirmed))
            .profile(of: "station-shelbyville")
        #expect(confirmed.relations.count < all.relations.count)
        #expect(confirmed.relations.allSatisfy { $0.link.status == "confirmed" })
        #expect(throws: EntityLookupError.self) { try DatasetView(dataset).profile(of: "shelby") }
    }
}
