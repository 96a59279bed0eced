import Foundation
import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// Structure measures against NetworkX.
@Suite struct StructureTests {
    @Test(arguments: CentralityTests.all)
    func structureMatchesNetworkX(_ name: String) throws {
        let (index, expected) = try ComponentsTests.load(name)
        func ids(_ list: [Int]) -> [String] { list.map { index.ids[$0] }.sorted() }
        if index.isDirected {
            let reference = try #require(expected["strongly_connected_components"] as? [[String]])
            #expect(Set(index.stronglyConnectedComponents().map(ids)) == Set(reference))
        } else {
            let (points, bridges) = index.articulationPointsAndBridges()
            #expect(ids(points) == (try #require(expected["articulation_points"] as? [String])).sorted())
            let ours = Set(bridges.map { [index.ids[$0.0], index.ids[$0.1]].sorted() })
            let reference = try #require(expected["bridges"] as? [[String]])
            #expect(ours == Set(reference.map { $0.sorted() }))
        }
        let clustering = index.clustering()
        let reference = try #require(expected["clustering"] as? [String: Double])
        for (id, value) in reference {
            #expect(abs(clustering[index.index(of: id)!] - value) < 1e-12, "clustering of \(id)")
        }
        #expect(abs(index.averageClustering() - (expected["average_clustering"] as! Double)) < 1e-12)
        #expect(index.diameterOfLargestComponent() == expected["diameter_largest_component"] as! Int)
    }
}
