import Foundation
import Testing
import OutpostGraph
@testable import OutpostIO

/// GEXF as other tools write it (the shape of NetworkX's `write_gexf` and Gephi's export),
/// and what is wrong with bad files.
@Suite struct GEXFReaderTests {
    static let networkX = """
    <?xml version='1.0' encoding='utf-8'?>
    <gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.2">
      <meta lastmodifieddate="2026-12-02"><creator>NetworkX 3.6.1</creator></meta>
      <graph defaultedgetype="directed" mode="static" name="">
        <attributes mode="static" class="edge">
          <attribute id="0" title="n" type="long" />
        </attributes>
        <attributes mode="static" class="node">
          <attribute id="1" title="kind" type="string"><default>unknown</default></attribute>
        </attributes>
        <nodes>
          <node id="x" label="Ex"><attvalues><attvalue for="1" value="bureau" /></attvalues></node>
          <node id="y" label="y" />
        </nodes>
        <edges>
          <edge source="x" target="y" id="0" weight="2.0"><attvalues><attvalue for="0" value="7" /></attvalues></edge>
          <edge source="y" target="x" id="1" type="mutual" />
        </edges>
      </graph>
    </gexf>
    """

    @Test func readsNodesEdgesAttributesDefaultsAndMutualEdges() throws {
        let graph = try GEXFReader().read(Data(Self.networkX.utf8))
        #expect(graph.isDirected && graph.nodeIDs == ["x", "y"] && graph.nodeLabels == ["Ex", "y"])
        #expect(graph.nodeAttributes.map { $0["kind"] } == ["bureau", "unknown"])
        #expect(graph.edgeCount == 3 && graph.edgeWeights == [2, 1, 1])
        #expect(graph.attributes(ofEdge: 0)["n"] == "7" && graph.attributes(ofEdge: 0)["id"] == "0")
        guard case .plain = try GEXFReader().readInput(Data(Self.networkX.utf8)).0 else {
            Issue.record("a file without the export's fields was read as a dataset"); return
        }
    }

    @Test func aValueNotOfItsTypeIsAnErrorAtItsLine() {
        let text = Self.networkX.replacingOccurrences(of: #"value="7""#, with: #"value="seven""#)
        do {
            _ = try GEXFReader().read(Data(text.utf8), file: "g.gexf")
            Issue.record("a long holding 'seven' was accepted")
        } catch {
            #expect("\(error)".contains("g.gexf:16:"))
            #expect("\(error)".contains("<attvalue> for 'n' holds 'seven', which is not an integer (type long)"))
        }
    }

    @Test func anEdgeToAnUndeclaredNodeIsAnError() {
        let text = Self.networkX.replacingOccurrences(of: #"target="y" id="0""#, with: #"target="z" id="0""#)
        do {
            _ = try GEXFReader().read(Data(text.utf8), file: "g.gexf")
            Issue.record("an edge to an undeclared node was accepted")
        } catch {
            #expect("\(error)".contains("refers to node 'z', which is not declared"))
        }
    }

    @Test func aTruncatedFileSaysSo() {
        let text = String(Self.networkX.prefix(while: { $0 != "<" }) + Self.networkX.components(separatedBy: "<edges>")[0])
        #expect(throws: DiagnosticsError.self) { try GEXFReader().read(Data(text.utf8), file: "g.gexf") }
    }
}
