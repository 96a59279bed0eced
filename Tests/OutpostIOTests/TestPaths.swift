import Foundation

/// Paths into the repository, found from this file's location.
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { repository.appendingPathComponent(relative).path }
    static let fixtures = path("Tests/Fixtures")
    static let data = path("Tests/Data")

    /// The NetworkX-computed expectations for graph `name`.
    static func expected(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(fixtures)/expected/\(name).json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}
