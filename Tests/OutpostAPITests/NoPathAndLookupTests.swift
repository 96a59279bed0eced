import Foundation
import Outpost
import OutpostTestSupport
import Testing

/// The "no path" explanation and node lookup through the library, against the command.
@Suite struct NoPathAndLookupTests {
    let mini = CommandLineTool.path("Tests/Data/mini")

    @Test func explanationFindsTheCommandsLiftedPathAndNamesNoOption() throws {
        let confirmed = DatasetFilter(layers: RelationLayer.all, minimumStatus: .confirmed)
        let network = try LoadedNetwork(contentsOf: mini, filter: confirmed)
        let search = try network.findPaths(PathQuery(from: "springfield-psb", to: "shelbyville-council"))
        #expect(search.paths.isEmpty)
        let noPath = try #require(search.noPath)
        #expect(noPath.restrictions == [.filter])
        let lifted = try #require(noPath.pathWithoutRestrictions)

        let cli = try CommandLineTool.run("path", mini, "springfield-psb", "shelbyville-council", "--min-status", "confirmed")
        #expect(cli.status == 1)
        #expect(cli.stderr.contains("with the filters lifted there is a path of \(NoPathExplanation.hops(lifted))"), "\(cli.stderr)")
        #expect(!noPath.description.contains("--"), "a library message names no command-line option: \(noPath.description)")
    }

    @Test func plainGraphLookupFollowsTheDatasetsCaseRules() throws {
        var graph = Graph(directed: false)
        let a = graph.addNode("Alpha", label: "First node")
        let b = graph.addNode("beta")
        graph.addEdge(a, b)
        let network = LoadedNetwork(graph, name: "tiny.csv")
        #expect(try network.node("alpha").id == "Alpha", "ids match ignoring case, as a dataset's do")
        #expect(try network.node("first NODE").id == "Alpha", "labels too, as a dataset's names do")
        #expect(throws: NodeLookupError.unknown("gamma", in: "tiny.csv", candidates: [])) { try network.node("gamma") }
        #expect(throws: NodeLookupError.unknown("ph", in: "tiny.csv", candidates: ["Alpha"])) { try network.node("ph") }
    }
}
