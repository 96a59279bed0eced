#!/usr/bin/env bash
# Runs the GraphX job (Benchmarks/graphx/outpost-graphx.scala) on Spark in local mode over
# `outpost export PATH --format spark` and compares its answers with Outpost's and NetworkX's:
# the connected components must be Outpost's (`outpost structure --layer all`), and PageRank
# on the undirected simple graph without isolated vertices must be NetworkX's pagerank(alpha=0.85)
# on the same graph (GraphX's ranks divided by the vertex count; see the job for why that is the
# same definition). Label propagation is reported, not compared.
#
# Not part of scripts/test.sh: it installs pyspark 3.5.3 from PyPI (about 320 MB, with Spark and
# the GraphX jar) into .venv-spark, needs Java 17, and a run takes about 1.5 minutes on two cores,
# most of it Spark starting. Usage: scripts/check-graphx.sh [PATH] (default: the bundled dataset).
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
D=${1:-Graphs/overseas-police-stations}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
"$B" export "$D" --format spark -o "$T/in" 2>/dev/null
"$B" structure "$D" --layer all --format json > "$T/structure.json" 2>/dev/null || "$B" structure "$D" --format json > "$T/structure.json"
started=$SECONDS
(cd Benchmarks/graphx && OUTPOST_GRAPHX_IN="$T/in" OUTPOST_GRAPHX_OUT="$T/out" \
  "$SPARK_HOME/bin/spark-shell" --master "local[2]" --conf spark.ui.showConsoleProgress=false -i outpost-graphx.scala > "$T/spark.log" 2>&1) \
  || { tail -20 "$T/spark.log" >&2; echo "graphx: the Spark job failed" >&2; exit 1; }
grep -ao 'graphx: .*' "$T/spark.log" | tail -1
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
