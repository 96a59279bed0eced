#!/usr/bin/env bash
# Exports the bundled dataset in every format `outpost export` writes and reads each file with
# the real libraries (NetworkX, igraph, pinned in .venv-interop): counts, statuses, sources,
# parallel relations, and that connected components agree with `outpost structure`.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-interop
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q networkx==3.4.2 igraph==0.11.8
fi
B=.build/debug/outpost
[ -x "$B" ] || swift build
D=Graphs/overseas-police-stations
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
"$B" export "$D" -o "$T/all.graphml"
"$B" export "$D" -o "$T/all.json"
"$B" export "$D" -o "$T/all.csv"
STATS=$("$B" stats "$D" --format json)
"$VENV/bin/python" - "$T" "$STATS" <<'PY'
import json, sys, csv
import networkx as nx, igraph as ig
t = sys.argv[1]
stats = {row["measure"]: row["value"] for row in json.loads(sys.argv[2])["summary"]}
G = nx.read_graphml(f"{t}/all.graphml", force_multigraph=True)
assert isinstance(G, nx.MultiDiGraph)
assert (G.number_of_nodes(), G.number_of_edges()) == (stats["nodes"], stats["edges"]), stats
assert nx.number_weakly_connected_components(G) == stats["connected components"], stats
for u, v, k, d in G.edges(keys=True, data=True):
    assert d["status"] in {"confirmed", "reported", "disputed", "denied"}, d
    assert isinstance(d["directed"], bool) and isinstance(d["citation_count"], int)
    cites = json.loads(d["citations"])
    assert len(cites) == d["citation_count"] and all(c["excerpt"] for c in cites)
    assert d["sources"].split() == list(dict.fromkeys(c["source"] for c in cites))
pair = sorted((d["relation"], d["status"]) for u, v, d in G.edges(data=True) if {u, v} == {"station-amsterdam", "lishui-psb"})
assert pair == [("denied", "denied"), ("established", "disputed")], pair
J = nx.node_link_graph(json.load(open(f"{t}/all.json")), edges="edges")
assert (J.number_of_nodes(), J.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
assert sorted(map(len, nx.weakly_connected_components(J))) == sorted(map(len, nx.weakly_connected_components(G)))
rows = list(csv.DictReader(open(f"{t}/all.csv")))
nodes = list(csv.DictReader(open(f"{t}/all.nodes.csv")))
assert len(rows) == G.number_of_edges() and len(nodes) == G.number_of_nodes()
I = ig.Graph.Read_GraphML(f"{t}/all.graphml")
assert (I.vcount(), I.ecount()) == (G.number_of_nodes(), G.number_of_edges())
assert sorted(I.connected_components(mode="weak").sizes()) == sorted(map(len, nx.weakly_connected_components(G)))
print(f"interop: NetworkX and igraph read {G.number_of_nodes()} nodes and {G.number_of_edges()} relations from GraphML; node-link JSON and CSV agree; components {sorted(map(len, nx.weakly_connected_components(G)), reverse=True)[:5]}…")
PY
