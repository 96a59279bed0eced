#!/usr/bin/env bash
# Outpost against igraph, NetworKit and NetworkX on the same generated graphs.
#   bash Benchmarks/run.sh            # everything (about 15 minutes on 2 cores)
#   PEERS="igraph" bash Benchmarks/run.sh
#   REPEAT=5 bash Benchmarks/run.sh   # runs per task (default 3; fewer once a task's runs pass 30 s)
#   TASKS="ba-1m approx-betweenness" PEERS=networkit bash Benchmarks/run.sh   # one row
# Every contender reports the median of its runs, so one slow run on a shared machine does not
# decide a ratio; each run's time is kept in latest.jsonl.
# Results: Benchmarks/results/latest.jsonl (raw) and latest.md (table). Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/prepare.sh
swift build -c release --product outpost-bench 2>&1 | tail -n 1
mkdir -p Benchmarks/results
out=Benchmarks/results/latest.jsonl
: > "$out"

run() {  # graph contender algorithms...
  local graph=$1 contender=$2; shift 2
  local file=Benchmarks/data/$graph.csv
  echo "==> $contender on $graph: $*" >&2
  if [ "$contender" = outpost ]; then
    .build/release/outpost-bench "$file" --repeat "$REPEAT" "$@"
  else
    "$venv/bin/python" Benchmarks/peers.py "$contender" "$file" --repeat "$REPEAT" "$@"
  fi | "$venv/bin/python" -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line); r["graph"] = sys.argv[1]; r["contender"] = sys.argv[2]; print(json.dumps(r))
' "$graph" "$contender" >> "$out"
}

tasks=(
  "edges-1m load"
  "ba-20k betweenness closeness harmonic"
  "ba-1m pagerank components core-number approx-betweenness"
  "planted louvain leiden leiden-2 label-propagation"
)
# TASKS: one "graph algorithm..." line of its own instead of the list above.
if [ -n "${TASKS:-}" ]; then tasks=("$TASKS"); fi
for task in "${tasks[@]}"; do
  set -- $task
  graph=$1; shift
  run "$graph" outpost "$@"
  for peer in $PEERS; do run "$graph" "$peer" "$@"; done
done
# Weighted paths against igraph, the issue's reference for them (NetworKit and NetworkX not run:
# NetworkX's weighted all-pairs measures would take hours).
if [ -z "${TASKS:-}" ]; then
  run ba-20k-weighted outpost betweenness-weighted closeness-weighted
  case " $PEERS " in *" igraph "*) run ba-20k-weighted igraph betweenness-weighted closeness-weighted ;; esac
fi
"$venv/bin/python" Benchmarks/report.py "$out" | tee Benchmarks/results/latest.md
