#!/usr/bin/env bash
# Exports the bundled dataset in every format `outpost export` writes and reads each file with
# the real libraries (NetworkX, igraph, pinned in .venv-interop): counts, statuses, sources,
# parallel relations, and that connected components agree with `outpost structure`; then
# Outpost reads back what NetworkX wrote again (the GraphML still as the dataset).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-interop
# NetworkX 3.6 is the first to read GEXF 1.3 (Gephi's current version).
# followthemoney gives `ftm validate`, which checks the FtM export.
if ! "$VENV/bin/python" -c '
import networkx, igraph, importlib.metadata as m
assert networkx.__version__ == "3.6.1" and igraph.__version__ == "0.11.8" and m.version("followthemoney") == "4.11.2"' 2>/dev/null; then
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q networkx==3.6.1 igraph==0.11.8 followthemoney==4.11.2
fi
B=.build/debug/outpost
[ -x "$B" ] || swift build
D=Graphs/overseas-police-stations
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
"$B" export "$D" -o "$T/all.graphml"
"$B" export "$D" -o "$T/all.json"
"$B" export "$D" -o "$T/all.gexf"
"$B" export "$D" -o "$T/all.gml"
"$B" export "$D" -o "$T/all-utf8.gml" --gml-characters utf8
"$B" export "$D" -o "$T/all.net"
"$B" export "$D" -o "$T/all.ftm"
"$VENV/bin/ftm" validate -i "$T/all.ftm" -o "$T/valid.ftm"
"$B" export "$D" --format sheets -o "$T/sheets"
"$B" import "$T/sheets" -o "$T/imported"
"$B" export "$D" -o "$T/all.csv"
"$B" export "$D" --format neo4j -o "$T/neo4j"
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
# GEXF 1.3: one edge per relation, typed attributes, the dates as spells of whole days.
X = nx.read_gexf(f"{t}/all.gexf")
assert isinstance(X, nx.MultiDiGraph) and X.graph["mode"] == "dynamic"
assert (X.number_of_nodes(), X.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
assert sorted(map(len, nx.weakly_connected_components(X))) == sorted(map(len, nx.weakly_connected_components(G)))
def first_day(d): return d + "-01-01"[len(d) - 4:] if len(d) < 10 else d
spelled = 0
for u, v, k, d in X.edges(keys=True, data=True):
    assert isinstance(d["directed"], bool) and isinstance(d["citation_count"], int) and d["label"] == d["relation"]
    begin = d.get("start", d.get("date"))
    assert ("spells" in d) == (begin is not None or "end" in d), d
    if begin is not None:
        assert d["spells"][0][0] == first_day(begin), d
        spelled += 1
    assert G.edges[u, v, k]["status"] == d["status"]
pair = sorted((d["relation"], d["status"]) for u, v, d in X.edges(data=True) if {u, v} == {"station-amsterdam", "lishui-psb"})
assert pair == [("denied", "denied"), ("established", "disputed")], pair
# GML: NetworkX names the nodes by label, which is the entity id; one keyed edge per relation.
M = nx.read_gml(f"{t}/all.gml")
assert isinstance(M, nx.MultiDiGraph) and set(M.nodes) == set(G.nodes) and set(M.edges(keys=True)) == set(G.edges(keys=True))
for u, v, k, d in M.edges(keys=True, data=True):
    assert {f: d.get(f) for f in ("relation", "status", "citations", "start", "note")} == {f: G.edges[u, v, k].get(f) for f in ("relation", "status", "citations", "start", "note")}
    assert d["citation_count"] == G.edges[u, v, k]["citation_count"] and isinstance(d["citation_count"], int)
assert all(M.nodes[n]["name"] == G.nodes[n]["label"] and M.nodes[n]["kind"] == G.nodes[n]["kind"] for n in G)
assert M.graph["sources"] == G.graph["sources"] and M.graph["title"] == G.graph["title"]
# Pajek: the structure, node names = entity ids.
P = nx.read_pajek(f"{t}/all.net")
assert set(P.nodes) == set(G.nodes) and sorted((u, v) for u, v, k in P.edges(keys=True)) == sorted((u, v) for u, v, k in G.edges(keys=True))
# igraph reads both (igraph 0.11 keeps GML's &#N; character references as they are, and says so).
import warnings; warnings.filterwarnings("ignore", message="One or more unknown entities")
IG = ig.Graph.Read_GML(f"{t}/all.gml")
IP = ig.Graph.Read_Pajek(f"{t}/all.net")
for H in (IG, IP):
    assert H.is_directed() and (H.vcount(), H.ecount()) == (G.number_of_nodes(), G.number_of_edges())
    assert sorted(H.connected_components(mode="weak").sizes()) == sorted(map(len, nx.weakly_connected_components(G)))
assert sorted(IG.vs["label"]) == sorted(G.nodes) and sorted(IP.vs["id"]) == sorted(G.nodes)
# igraph keeps &#N; as text, so the ASCII GML's accented and Chinese names arrive garbled there;
# the UTF-8 export (--gml-characters utf8) gives igraph every name, alias and note as written.
non_ascii = [n for n in G if any(ord(c) > 127 for c in G.nodes[n]["label"])]
assert non_ascii and any("&#" in v["name"] for v in IG.vs if v["label"] in non_ascii)
I8 = ig.Graph.Read_GML(f"{t}/all-utf8.gml")
assert {v["label"]: v["name"] for v in I8.vs} == {n: G.nodes[n]["label"] for n in G}
assert {v["label"]: v["aliases"] for v in I8.vs} == {n: G.nodes[n].get("aliases", "") for n in G}
assert sorted(I8.es["note"]) == sorted(d.get("note", "") for u, v, d in G.edges(data=True))
assert sorted(I8.es["citations"]) == sorted(d["citations"] for u, v, d in G.edges(data=True))
# FollowTheMoney: ftm validate keeps every entity and every value (countries become ISO codes,
# as FtM cleans them); one entity per source, entity and relation; every reference resolves.
from followthemoney import model
mine = {e["id"]: e for e in map(json.loads, open(f"{t}/all.ftm"))}
valid = {e["id"]: e for e in map(json.loads, open(f"{t}/valid.ftm"))}
assert mine.keys() == valid.keys() and len(mine) == stats["sources"] + G.number_of_nodes() + G.number_of_edges()
for i, e in mine.items():
    schema = model.get(e["schema"])
    assert valid[i]["schema"] == e["schema"] and schema is not None, i
    for p, values in e["properties"].items():
        prop = schema.properties[p]
        cleaned = [prop.type.clean(v) for v in values]
        assert None not in cleaned and sorted(valid[i]["properties"].get(p, [])) == sorted(cleaned), (i, p, values)
        if prop.type.name == "entity":
            assert all(v in mine for v in values), (i, p, values)
links = [e for e in mine.values() if e["id"].startswith("relation.")]
assert all(model.get(e["schema"]).is_a("Interval") for e in links)
status = {k: d["status"] for u, v, k, d in G.edges(keys=True, data=True)}
assert len(links) == G.number_of_edges() and all(status[e["id"].removeprefix("relation.")] == e["properties"]["status"][0] for e in links)
# Sheets: Python's csv reads one row per source, entity and relation, and one per citation.
sheet = lambda name: list(csv.DictReader(open(f"{t}/sheets/{name}.csv", newline="", encoding="utf-8")))
assert (len(sheet("sources")), len(sheet("entities")), len(sheet("relations"))) == (stats["sources"], G.number_of_nodes(), G.number_of_edges())
assert sum(1 for c in sheet("citations") if c["of"] == "relation") == sum(d["citation_count"] for u, v, d in G.edges(data=True))
assert sorted(r["status"] for r in sheet("relations")) == sorted(d["status"] for u, v, d in G.edges(data=True))
# Neo4j's import folder (Neo4j is not installable here): Python's csv reads typed headers, one node
# per entity and one relationship per relation, ends and cited sources that resolve, the status,
# sources and citations of each relation as the GraphML has them, arrays split by import.sh's delimiter.
import re
delimiter = re.search(r"--array-delimiter='(.)'", open(f"{t}/neo4j/import.sh").read()).group(1)
neo = lambda name: list(csv.DictReader(open(f"{t}/neo4j/{name}.csv", newline="", encoding="utf-8")))
split = lambda cell: cell.split(delimiter) if cell else []
n_sources, n_nodes, n_rels = neo("sources"), neo("nodes"), neo("relationships")
typed = re.compile(r"^(:LABEL|:TYPE|(:START_ID|:END_ID)\(\w+\)|\w*:ID\(\w+\)|\w+:(string|string\[\]|int|boolean))$")
for rows in (n_sources, n_nodes, n_rels):
    assert all(typed.match(c) for c in rows[0].keys()), list(rows[0].keys())
assert (len(n_sources), len(n_nodes), len(n_rels)) == (stats["sources"], G.number_of_nodes(), G.number_of_edges())
assert {r["id:ID(Entity)"] for r in n_nodes} == set(G.nodes) and all(split(r[":LABEL"])[0] == "Entity" for r in n_nodes)
assert all(G.nodes[r["id:ID(Entity)"]]["label"] == r["name:string"] and G.nodes[r["id:ID(Entity)"]]["kind"] == r["kind:string"] for r in n_nodes)
by_id = {k: (u, v, d) for u, v, k, d in G.edges(keys=True, data=True)}
source_ids = {r["id:ID(Source)"] for r in n_sources}
for r in n_rels:
    u, v, d = by_id[r["id:string"]]
    assert (r[":START_ID(Entity)"], r[":END_ID(Entity)"], r["status:string"], r["relation:string"]) == (u, v, d["status"], d["relation"]), r
    assert r[":TYPE"] == d["relation"].upper().replace("-", "_") and split(r["sources:string[]"]) == d["sources"].split()
    assert set(split(r["sources:string[]"])) <= source_ids and r["citations:string"] == d["citations"] and int(r["citation_count:int"]) == d["citation_count"]
# What NetworkX and igraph write again, Outpost reads (checked below).
nx.write_graphml(G, f"{t}/nx.graphml")
nx.write_gexf(X, f"{t}/nx.gexf")
nx.write_gml(M, f"{t}/nx.gml")
nx.write_pajek(P, f"{t}/nx.net")
json.dump(nx.node_link_data(G), open(f"{t}/nx-edges.json", "w"), indent=2)
json.dump(nx.node_link_data(G, edges="links"), open(f"{t}/nx-links.json", "w"))
IG.write_gml(f"{t}/igraph.gml")
I8.write_gml(f"{t}/igraph-utf8.gml")
IP.write_pajek(f"{t}/igraph.net")
json.dump([G.number_of_nodes(), G.number_of_edges()], open(f"{t}/counts.json", "w"))
# A GraphML file of more than 12 MB written by NetworkX (libxml2 stops at 10,000,000 bytes given
# at once; Outpost streams such files).
import os
R = nx.gnm_random_graph(60000, 150000, seed=1)
for u, v, d in R.edges(data=True): d["weight"] = (u * 7 + v) % 10 + 1
nx.write_graphml(R, f"{t}/nx-12mb.graphml")
assert os.path.getsize(f"{t}/nx-12mb.graphml") > 12_000_000
json.dump([R.number_of_nodes(), R.number_of_edges(), nx.number_connected_components(R)], open(f"{t}/counts-12mb.json", "w"))
print(f"interop: NetworkX and igraph read {G.number_of_nodes()} nodes and {G.number_of_edges()} relations from GraphML; GEXF the same, {spelled} relations with a spell; GML with every field and the ids, Pajek with the ids; ftm validate keeps all {len(mine)} FtM entities; node-link JSON, CSV and the Neo4j import folder ({len(n_rels)} relationships, array delimiter {delimiter}) agree; components {sorted(map(len, nx.weakly_connected_components(G)), reverse=True)[:5]}…")
PY
# Outpost reads back its exports as the dataset (the same answers as the YAML), and still as the
# dataset after NetworkX or igraph rewrote them; what holds no dataset (Pajek, NetworkX's GEXF)
# as a plain graph with the same nodes and edges.
for f in all.graphml all.gexf all.gml all-utf8.gml all.json nx.graphml nx.gml nx-edges.json nx-links.json igraph.gml igraph-utf8.gml imported; do
  [ "$("$B" stats "$T/$f" --format json)" = "$STATS" ] || { echo "interop: outpost stats on $f differs from the dataset's"; exit 1; }
  "$B" path "$T/$f" station-amsterdam lishui-psb > "$T/path.txt"
  grep -q "denied  denied" "$T/path.txt" && grep -q "established  disputed" "$T/path.txt" \
    || { echo "interop: outpost path on $f lost a relation between Amsterdam and Lishui:"; cat "$T/path.txt"; exit 1; }
done
for f in nx.gexf all.net nx.net igraph.net; do
  "$B" stats "$T/$f" --format json | "$VENV/bin/python" -c '
import json, sys
s = {r["measure"]: r["value"] for r in json.load(sys.stdin)["summary"]}
assert [s["nodes"], s["edges"]] == json.load(open(sys.argv[1])), (sys.argv[2], s)' "$T/counts.json" "$f"
done
# What igraph wrote from the UTF-8 GML comes back with every name, alias and citation as written.
"$B" export "$T/igraph-utf8.gml" -o "$T/igraph-utf8-back.graphml" 2>/dev/null
"$VENV/bin/python" - "$T" <<'PY'
import sys, networkx as nx
t = sys.argv[1]
G, H = nx.read_graphml(f"{t}/all.graphml"), nx.read_graphml(f"{t}/igraph-utf8-back.graphml")
for f in ("label", "aliases", "attributes", "citations"):
    assert {n: d.get(f) for n, d in H.nodes(data=True)} == {n: d.get(f) for n, d in G.nodes(data=True)}, f
named = sum(any(ord(c) > 127 for c in d["label"]) for n, d in G.nodes(data=True))
print(f"interop: igraph reads the UTF-8 GML with all {named} names outside ASCII as written, and what it writes again comes back the same")
PY
"$B" stats "$T/nx-12mb.graphml" --format json | "$VENV/bin/python" -c '
import json, sys
s = {r["measure"]: r["value"] for r in json.load(sys.stdin)["summary"]}
assert [s["nodes"], s["edges"], s["connected components"]] == json.load(open(sys.argv[1])), s' "$T/counts-12mb.json"
echo "interop: outpost reads its GraphML, GEXF, GML and JSON exports back as the dataset, also as NetworkX (and igraph, GML) rewrote them; Pajek and NetworkX's GEXF as plain graphs, and a $(( $(wc -c < "$T/nx-12mb.graphml") / 1000000 )) MB GraphML from NetworkX"
