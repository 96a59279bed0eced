import Foundation
import Testing
import OutpostGraph
import OutpostIO
@testable import OutpostAlgorithms

/// Components and density against NetworkX (Tests/Fixtures/expected).
@Suite struct ComponentsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ name: String) throws -> (GraphIndex, [String: Any]) {
        let fixtures = repository.appendingPathComponent("Tests/Fixtures")
        let graph = try GraphMLReader().read(at: fixtures.appendingPathComponent("graphs/\(name).graphml").path)
        let data = try Data(contentsOf: fixtures.appendingPathComponent("expected/\(name).json"))
        return (GraphIndex(graph), try JSONSerialization.jsonObject(with: data) as! [String: Any])
    }

    @Test(arguments: ["karate", "florentine", "lesmis", "davis", "weighted", "components", "gnp-50", "ba-200", "directed", "gnp-directed-40"])
    func componentsAndDensityMatchNetworkX(_ name: String) throws {
        let (index, expected) = try Self.load(name)
        let key = index.isDirected ? "weakly_connected_components" : "connected_components"
        let reference = try #require(expected[key] as? [[String]])
        let ours = index.connectedComponents().map { $0.map { index.ids[$0] }.sorted() }
        #expect(Set(ours) == Set(reference))
        let density = try #require(expected["density"] as? Double)
        #expect(abs(index.density - density) < 1e-12)
    }
}
