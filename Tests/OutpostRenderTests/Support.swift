import Foundation
import OutpostGraph
import OutpostIO
import OutpostRender
import OutpostTestSupport

/// Paths into the repository, found from this file's location.
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { repository.appendingPathComponent(relative).path }
    static let golden = path("Tests/OutpostRenderTests/Golden")
    static let mini = path("Tests/Data/mini")
    static let bundled = path("Graphs/overseas-police-stations")

    /// The mini dataset with every layer, so that each status and relation style appears.
    static func miniView(_ filter: DatasetFilter = .everything) throws -> DatasetView {
        let (dataset, _) = try DatasetReader().readValid(at: mini)
        return DatasetView(dataset, filter: filter)
    }

    /// Compares `text` with golden file `name` byte for byte. With `OUTPOST_WRITE_GOLDEN=1` in
    /// the environment, writes the file instead (then read it and check it by hand).
    static func matchesGolden(_ text: String, _ name: String) throws -> Bool {
        let url = URL(fileURLWithPath: golden).appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["OUTPOST_WRITE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
            return true
        }
        return try Data(contentsOf: url) == Data(text.utf8)
    }
}

extension GraphvizRenderer {
    /// Renders a styled graph to SVG and reads its geometry.
    func svg(_ graph: StyledGraph, engine: LayoutEngine = .dot) throws -> SVGGeometry {
        try SVGGeometry(render(graph, engine: engine, format: .svg).data)
    }
}
