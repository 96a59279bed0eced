import Foundation
import Testing
import OutpostGraph
@testable import OutpostIO

/// The FtM export's mapping, written out by hand (`ftm validate` itself runs in
/// scripts/check-interop.sh, which also checks that it keeps every value).
@Suite struct FollowTheMoneyWriterTests {
    static func entities(_ text: String) throws -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            out[object["id"] as! String] = object
        }
        return out
    }

    @Test func sourcesEntitiesAndRelationsMapToTheirSchemata() throws {
        let text = FollowTheMoneyWriter().write(DatasetView(DatasetGraphMLWriterTests.dataset(note: "a note"), filter: .everything))
        let all = try Self.entities(text)
        #expect(all.count == 5)  // one source, two entities, two relations
        #expect(all["source.s1"]?["schema"] as? String == "Article")
        #expect(all["entity.a"]?["schema"] as? String == "PublicBody" && all["entity.b"]?["schema"] as? String == "Organization")
        let a = try #require(all["entity.a"]?["properties"] as? [String: [String]])
        #expect(a == ["name": ["A & B"], "alias": ["Ā"], "country": ["China"], "address": ["Lishui"], "proof": ["source.s1"], "summary": ["s1: named"]])
        let b = try #require(all["entity.b"]?["properties"] as? [String: [String]])
        #expect(b["notes"] == ["group: yes", "x: \"y\""])
        let established = try #require(all["relation.r0"]?["properties"] as? [String: [String]])
        #expect(all["relation.r0"]?["schema"] as? String == "UnknownLink")
        #expect(established == ["subject": ["entity.a"], "object": ["entity.b"], "role": ["established"], "status": ["disputed"],
                                "startDate": ["2022"], "description": ["a note"], "proof": ["source.s1"], "summary": ["s1: set up \"here\""]])
        let denial = try #require(all["relation.r1"]?["properties"] as? [String: [String]])
        #expect(denial["summary"] == ["s1: denied it", "by: entity.a"] && denial["status"] == ["denied"])
    }

    @Test func headsAndMemberOfBecomeDirectorshipAndMembership() throws {
        let cite = [Citation(source: "s1", excerpt: "x")]
        let dataset = Dataset(name: "t", sources: [Source(id: "s1", title: "S", url: "https://example.org")],
                              entities: [Entity(id: "p", kind: .person, name: "P", citations: cite),
                                         Entity(id: "o", kind: .association, name: "O", citations: cite),
                                         Entity(id: "c", kind: .campaign, name: "C", citations: cite)],
                              relations: [Relation(from: "p", type: .heads, to: "o", citations: cite),
                                          Relation(from: "p", type: .memberOf, to: "o", citations: cite),
                                          Relation(from: "p", type: .heads, to: "c", citations: cite)])
        let all = try Self.entities(FollowTheMoneyWriter().write(DatasetView(dataset, filter: .everything)))
        #expect(all["relation.r0"]?["schema"] as? String == "Directorship")
        #expect((all["relation.r0"]?["properties"] as? [String: [String]])?["director"] == ["entity.p"])
        #expect(all["relation.r1"]?["schema"] as? String == "Membership")
        // A campaign is a Project, which Directorship's organization cannot be.
        #expect(all["relation.r2"]?["schema"] as? String == "UnknownLink")
        #expect(all["entity.c"]?["schema"] as? String == "Project")
    }
}
