import Foundation
import Testing
import OutpostGraph
@testable import OutpostIO

/// The GraphX tables, written out by hand (Spark itself reads them in scripts/check-graphx.sh).
@Suite struct GraphXTablesWriterTests {
    @Test func verticesGetTheirIndexAsVidAndEdgesReferToIt() throws {
        var graph = Graph(directed: true)
        let a = graph.addNode("a", label: "A, \"the\" first", attributes: ["kind": "person"]), b = graph.addNode("b")
        graph.addEdge(a, b, weight: 2, attributes: ["id": "r7", "relation": "heads", "status": "confirmed"])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-graphx-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = try GraphXTablesWriter().write(graph, toFolder: dir)
        #expect(try String(contentsOfFile: files[0], encoding: .utf8) == "vid,id,label,kind\n0,a,\"A, \"\"the\"\" first\",person\n1,b,,\n")
        #expect(try String(contentsOfFile: files[1], encoding: .utf8) == "src,dst,id,relation,status,weight\n0,1,r7,heads,confirmed,2.0\n")
    }
}
