#!/usr/bin/env bash
# Runs the GraphX job (Benchmarks/graphx/outpost-graphx.scala) on Spark in local mode over
# `outpost export PATH --format spark` and compares its answers with Outpost's and NetworkX's:
# the connected components must be Outpost's (`outpost structure --layer all`), and PageRank
# on the undirected simple graph without isolated vertices must be NetworkX's pagerank(alpha=0.85)
# on the same graph (GraphX's ranks divided by the vertex count; see the job for why that is the
# same definition). Label propagation is reported, not compared.
#
# Then the scale check: a seeded graph of 10,000,000 edges (Benchmarks/graphx/generate-blocks.py:
# 1,000 disjoint random graphs of 2,000 nodes and 10,000 edges), exported by Outpost and run by
# the same job in local[2] with components only (PageRank to 1e-10 and NetworkX's reference
# would take hours there); GraphX's components must be Outpost's, vertex for vertex.
#
# Not part of scripts/test.sh: it installs pyspark 3.5.3 from PyPI (about 320 MB, with Spark and
# the GraphX jar) into .venv-spark, needs Java 17, and takes about 1.5 minutes on two cores for
# the bundled dataset, most of it Spark starting, and about 7 more for the scale check (6 min 45 s
# once, on two cores other builds shared), with 6 GB for Spark's driver (OUTPOST_GRAPHX_MEMORY).
# Usage: scripts/check-graphx.sh              the bundled dataset, then the 10,000,000 edges
#        scripts/check-graphx.sh --bundled    the bundled dataset only
#        scripts/check-graphx.sh --scale [N]  the generated graph only, N edges (a multiple of 10,000)
#        scripts/check-graphx.sh PATH         PATH only
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-spark
if ! "$VENV/bin/python" -c 'import pyspark; assert pyspark.__version__ == "3.5.3"' 2>/dev/null; then
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q pyspark==3.5.3
fi
# spark-shell's own lookup of its home runs the system python, which has no pyspark.
SPARK_HOME=$("$VENV/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
export SPARK_HOME
[ -x .venv-interop/bin/python ] || bash scripts/check-interop.sh >/dev/null   # NetworkX, for the PageRank reference
B=.build/debug/outpost
[ -x "$B" ] || swift build
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT

# run_job IN OUT ALGORITHMS MEMORY: the job in local[2]; its log in OUT.log.
run_job() {
  (cd Benchmarks/graphx && OUTPOST_GRAPHX_IN="$1" OUTPOST_GRAPHX_OUT="$2" OUTPOST_GRAPHX_ALGORITHMS="$3" \
    "$SPARK_HOME/bin/spark-shell" --master "local[2]" --driver-memory "$4" --conf spark.ui.showConsoleProgress=false \
    -i outpost-graphx.scala > "$2.log" 2>&1) \
    || { tail -20 "$2.log" >&2; echo "graphx: the Spark job failed" >&2; exit 1; }
}

check_dataset() {
  local D=$1
  "$B" export "$D" --format spark -o "$T/in" 2>/dev/null
  "$B" structure "$D" --layer all --format json > "$T/structure.json" 2>/dev/null || "$B" structure "$D" --format json > "$T/structure.json"
  local started=$SECONDS
  run_job "$T/in" "$T/out" components,pagerank,labels 2g
  grep -ao 'graphx: .*' "$T/out.log" | tail -1
  echo "graphx: Spark ran for $((SECONDS - started)) s"
  .venv-interop/bin/python - "$T" <<'PY'
import csv, json, sys
from collections import defaultdict
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
import networkx as nx
t = sys.argv[1]
def table(name):
    with open(f"{t}/out/{name}/part-00000", newline="") as f:
        return list(csv.DictReader(f))
# Components: the same partition of the ids as Outpost's.
parts = defaultdict(set)
for row in table("components"):
    parts[row["component"]].add(row["id"])
graphx = sorted(sorted(p) for p in parts.values())
outpost = sorted(sorted(c) for c in json.load(open(f"{t}/structure.json"))["connected_components"])
assert graphx == outpost, "GraphX's components differ from Outpost's"
# PageRank: NetworkX's (pure Python power iteration) on the undirected simple graph without isolated vertices.
ids = {row["vid"]: row["id"] for row in csv.DictReader(open(f"{t}/in/vertices.csv", newline=""))}
G = nx.Graph()
G.add_edges_from((ids[r["src"]], ids[r["dst"]]) for r in csv.DictReader(open(f"{t}/in/edges.csv", newline="")) if r["src"] != r["dst"])
expected = _pagerank_python(G, alpha=0.85, tol=1e-13, max_iter=1000)
ranks = {row["id"]: float(row["rank"]) for row in table("pagerank")}
assert ranks.keys() == expected.keys(), "GraphX ranked other vertices"
worst = max(abs(ranks[v] - expected[v]) for v in expected)
assert worst < 1e-8, f"GraphX's PageRank differs from NetworkX's by {worst}"
labels = len({row["label"] for row in table("labels")})
sizes = sorted(map(len, graphx), reverse=True)
print(f"graphx: {len(graphx)} components, the same as outpost structure's (largest {sizes[:5]}); "
      f"PageRank within {worst:.1e} of NetworkX's on {len(expected)} linked vertices; label propagation: {labels} labels")
PY
}

check_scale() {
  local edges=$1 blocks=$(( $1 / 10000 ))
  local started=$SECONDS
  python3 Benchmarks/graphx/generate-blocks.py "$T/scale.csv" "$blocks" 2000 10000 20221205
  echo "graphx scale: generated in $((SECONDS - started)) s ($(( $(wc -c < "$T/scale.csv") / 1000000 )) MB)"
  started=$SECONDS
  "$B" export "$T/scale.csv" --format spark -o "$T/scale-in" 2>&1 | grep -v "repeat a pair"
  echo "graphx scale: outpost export --format spark took $((SECONDS - started)) s ($(( ($(wc -c < "$T/scale-in/edges.csv") + $(wc -c < "$T/scale-in/vertices.csv")) / 1000000 )) MB)"
  started=$SECONDS
  "$B" structure "$T/scale.csv" --format json 2>/dev/null > "$T/scale-structure.json"
  echo "graphx scale: outpost structure took $((SECONDS - started)) s"
  rm "$T/scale.csv"
  started=$SECONDS
  run_job "$T/scale-in" "$T/scale-out" components "${OUTPOST_GRAPHX_MEMORY:-6g}"
  grep -ao 'graphx: .*' "$T/scale-out.log" | tail -2
  echo "graphx scale: Spark ran for $((SECONDS - started)) s in local[2]"
  .venv-interop/bin/python - "$T" "$edges" <<'PY'
import csv, json, sys
t, edges = sys.argv[1], int(sys.argv[2])
with open(f"{t}/scale-in/edges.csv") as f:
    assert sum(1 for _ in f) - 1 == edges, "the export has another number of edges"
graphx = {}
with open(f"{t}/scale-out/components/part-00000", newline="") as f:
    for row in csv.DictReader(f):
        graphx[row["id"]] = row["component"]
outpost = json.load(open(f"{t}/scale-structure.json"))["connected_components"]
assert sum(map(len, outpost)) == len(graphx), "GraphX and Outpost hold other vertices"
seen = set()
for component in outpost:
    labels = {graphx[v] for v in component}
    assert len(labels) == 1, "an Outpost component is split in GraphX"
    label = labels.pop()
    assert label not in seen, "two Outpost components are one in GraphX"
    seen.add(label)
sizes = sorted(map(len, outpost), reverse=True)
print(f"graphx scale: {len(outpost)} components over {len(graphx):,} vertices and {edges:,} edges, the same as outpost structure's, vertex for vertex (largest {sizes[:3]}, smallest {sizes[-3:]})")
PY
}

case "${1:-}" in
  "") check_dataset Graphs/overseas-police-stations; check_scale 10000000 ;;
  --bundled) check_dataset Graphs/overseas-police-stations ;;
  --scale) check_scale "${2:-10000000}" ;;
  *) check_dataset "$1" ;;
esac
