import Testing
@testable import OutpostGraph

@Suite struct DatasetTests {
    let cite = [Citation(source: "s", excerpt: "text")]

    func sample() -> Dataset {
        Dataset(
            name: "sample",
            sources: [Source(id: "s", title: "Source", url: "https://example.org")],
            entities: [
                Entity(id: "bureau", kind: .publicSecurityBureau, name: "Fuzhou Public Security Bureau", aliases: ["福州市公安局"], country: "China", citations: cite),
                Entity(id: "station-a", kind: .policeStation, name: "Station A", country: "Netherlands", citations: cite),
                Entity(id: "station-b", kind: .policeStation, name: "Station B", country: "Spain", citations: cite),
                Entity(id: "gov", kind: .governmentBody, name: "Dutch government", country: "Netherlands", citations: cite),
                Entity(id: "twin-1", kind: .person, name: "Li Wei", citations: cite),
                Entity(id: "twin-2", kind: .person, name: "Li Wei", citations: cite),
            ],
            relations: [
                Relation(from: "bureau", type: .established, to: "station-a", status: .reported, start: PartialDate("2022-01"), citations: cite),
                Relation(from: "bureau", type: .established, to: "station-b", status: .disputed, start: PartialDate("2018"), citations: cite),
                Relation(from: "gov", type: .orderedClosed, to: "station-a", status: .confirmed, by: ["gov"], date: PartialDate("2022-11"), citations: cite),
            ])
    }

    @Test func resolvesByIdNameAndAlias() throws {
        let d = sample()
        #expect(try d.resolveEntity("station-a") == 1)
        #expect(try d.resolveEntity("fuzhou public security bureau") == 0)
        #expect(try d.resolveEntity("福州市公安局") == 0)
    }

    @Test func ambiguousAndUnknownNamesListCandidates() {
        let d = sample()
        #expect {
            try d.resolveEntity("li wei")
        } throws: { error in
            guard case let EntityLookupError.ambiguous(_, candidates) = error else { return false }
            return candidates.map(\.id) == ["twin-1", "twin-2"]
        }
        #expect {
            try d.resolveEntity("station")
        } throws: { error in
            guard case let EntityLookupError.unknown(_, candidates) = error else { return false }
            return candidates.map(\.id) == ["station-a", "station-b"]
        }
    }

    @Test func filtersByStatusDateKindAndCountry() {
        let d = sample()
        let all = RelationLayer.all
        #expect(DatasetView(d, filter: DatasetFilter(layers: all, minimumStatus: .confirmed)).relationIndices == [2])
        #expect(DatasetView(d, filter: DatasetFilter(layers: all, minimumStatus: .reported)).relationIndices == [0, 2])
        #expect(DatasetView(d, filter: DatasetFilter(layers: all, asOf: PartialDate("2021"))).relationIndices == [1])
        let kinds = DatasetView(d, filter: DatasetFilter(layers: all, kinds: [.publicSecurityBureau, .policeStation]))
        #expect(kinds.entityIndices == [0, 1, 2])
        #expect(kinds.relationIndices == [0, 1])
        let dutch = DatasetView(d, filter: DatasetFilter(layers: all, countries: ["netherlands"]))
        #expect(dutch.entityIndices == [0, 1, 3], "Dutch entities and their direct neighbours")
        #expect(dutch.relationIndices == [0, 2])
        let linked = DatasetView(d, filter: DatasetFilter(layers: all, dropIsolated: true))
        #expect(linked.entityIndices == [0, 1, 2, 3])
        #expect(DatasetFilter.everything.isEmpty)
    }

    @Test func analysesCountTheNetworkLayerByDefault() {
        let d = sample()
        // Relation 2 (ordered-closed) is a response: not a tie unless asked for.
        #expect(DatasetView(d).relationIndices == [0, 1])
        #expect(DatasetView(d, filter: DatasetFilter(layers: [.responses])).relationIndices == [2])
        #expect(DatasetView(d, filter: .everything).relationIndices == [0, 1, 2])
        // Naming types selects across every layer.
        #expect(DatasetView(d, filter: DatasetFilter(relationTypes: [.orderedClosed])).relationIndices == [2])
        #expect(!DatasetFilter().isEmpty)
        #expect(DatasetFilter().summary == "layer: network")
        #expect(DatasetFilter(layers: [.network, .claims], minimumStatus: .confirmed).summary
                == "layers: network + claims; confirmed only")
        #expect(DatasetFilter.everything.summary == "all layers")
    }

    @Test func everyRelationTypeHasALayerAndDenialsOverrideIt() {
        #expect(RelationType.established.layer == .network)
        #expect(RelationType.affiliatedWith.layer == .network)
        #expect(RelationType.investigated.layer == .responses)
        #expect(RelationType.documented.layer == .claims)
        #expect(RelationType.published.layer == .claims)
        #expect(RelationType.denied.layer == .denials)
        let deniedTie = Relation(from: "a", type: .hostedAt, to: "b", status: .denied)
        #expect(deniedTie.layer == .denials, "a denied tie is not a tie")
        #expect(Relation(from: "a", type: .hostedAt, to: "b", status: .disputed).layer == .network)
    }

    @Test func viewBecomesGraph() {
        let graph = DatasetView(sample(), filter: .everything).graph()
        #expect(graph.nodeCount == 6)
        #expect(graph.edgeCount == 3)
        #expect(graph.attributes(ofEdge: 2)["status"] == "confirmed")
        #expect(graph.attributes(ofEdge: 2)["layer"] == "responses")
        #expect(graph.attributes(ofEdge: 2)["relation-index"] == nil, "no internals in the attributes")
        #expect((0..<3).map { graph.relation(ofEdge: $0) } == [0, 1, 2])
        #expect(graph.parallelEdges == .sum)
        #expect(graph.name(of: 0) == "Fuzhou Public Security Bureau")
        #expect(DatasetView(sample()).graph().edgeCount == 2)
    }

    @Test func undirectedRelationsInADirectedViewPointToOneRelation() {
        let cite = [Citation(source: "s", excerpt: "x")]
        let d = Dataset(name: "t", sources: [Source(id: "s", title: "S", url: "https://example.org")],
                        entities: [Entity(id: "a", kind: .person, name: "A"), Entity(id: "b", kind: .person, name: "B")],
                        relations: [Relation(from: "a", type: .affiliatedWith, to: "b", citations: cite)])
        let graph = DatasetView(d).graph(directed: true)
        #expect(graph.edgeCount == 2)
        #expect(graph.relation(ofEdge: 0) == 0 && graph.relation(ofEdge: 1) == 0)
        // Plain graphs have no relations behind their edges.
        var plain = Graph(directed: false)
        plain.addEdge(plain.addNode("x"), plain.addNode("y"))
        #expect(plain.relation(ofEdge: 0) == nil)
    }

    @Test func validationFindsReferenceAndEvidenceProblems() {
        let d = Dataset(
            name: "bad",
            sources: [Source(id: "s", title: "Source", url: "https://example.org"), Source(id: "Bad Id", title: "No address")],
            entities: [
                Entity(id: "a", kind: .person, name: "A", citations: cite),
                Entity(id: "a", kind: .person, name: "A again", citations: cite),
                Entity(id: "b", kind: .person, name: "B", citations: []),
            ],
            relations: [
                Relation(from: "a", type: .targeted, to: "zz", citations: cite),
                Relation(from: "a", type: .denied, to: "b", status: .denied, citations: [Citation(source: "t", excerpt: "x")]),
                Relation(from: "a", type: .heads, to: "b", start: PartialDate("2022-05"), end: PartialDate("2021"), citations: cite),
            ])
        let messages = d.validate().map(\.message)
        let expected = ["duplicate entity id 'a'", "not a slug", "neither url nor file", "entity 'b' has no citation",
                        "unknown entity 'zz'", "does not say by whom", "cites unknown source 't'", "ends (2021) before it starts (2022-05)"]
        for fragment in expected {
            #expect(messages.contains { $0.contains(fragment) }, "expected a problem mentioning \(fragment)")
        }
        #expect(sample().validate().isEmpty)
    }

    /// `confirmed` must rest on a host authority or court: a relation confirmed only by Chinese
    /// bodies (a bureau, the ministry, anything whose country is China) is an error, one that
    /// also names a host authority is not.
    @Test func confirmationByTheAccusedSideAloneIsAnError() {
        let d = Dataset(
            name: "grading",
            sources: [Source(id: "s", title: "Source", url: "https://example.org")],
            entities: [
                Entity(id: "bureau", kind: .publicSecurityBureau, name: "Qingtian county police", country: "China", citations: cite),
                Entity(id: "embassy", kind: .governmentBody, name: "Chinese embassy", country: "China", citations: cite),
                Entity(id: "gov", kind: .governmentBody, name: "Dutch government", country: "Netherlands", citations: cite),
                Entity(id: "campaign", kind: .campaign, name: "persuasion to return", citations: cite),
                Entity(id: "station", kind: .policeStation, name: "Station", country: "Netherlands", citations: cite),
            ],
            relations: [
                Relation(from: "bureau", type: .participatesIn, to: "campaign", status: .confirmed, by: ["bureau"], citations: cite),
                Relation(from: "embassy", type: .announcedClosed, to: "station", status: .confirmed, by: ["embassy", "gov"], citations: cite),
                Relation(from: "bureau", type: .established, to: "station", status: .confirmed, by: ["embassy"], citations: cite),
            ])
        let messages = d.validate().map(\.message)
        #expect(messages.filter { $0.contains("confirmed only by the accused side") }.count == 2, "\(messages)")
        #expect(messages.contains { $0.contains("bureau participates-in campaign") && $0.contains("accused side") })
        #expect(!messages.contains { $0.contains("announced-closed") })
        #expect(Entity(id: "x", kind: .ministry, name: "Ministry of Public Security").isOnAccusedSide)
        #expect(!Entity(id: "y", kind: .governmentBody, name: "RCMP", country: "Canada").isOnAccusedSide)
    }
}

@Suite struct CitationSourcesTests {
    @Test func aSourceCitedTwiceIsListedOnce() {
        let citations = [Citation(source: "b", excerpt: "one"), Citation(source: "a", excerpt: "two"),
                         Citation(source: "b", excerpt: "three")]
        #expect(citations.sourceIDs == ["b", "a"])
        #expect([Citation]().sourceIDs.isEmpty)
    }
}
