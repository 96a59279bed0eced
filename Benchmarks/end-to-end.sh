#!/usr/bin/env bash
# End to end, as a user pays it: each contender a fresh process from the shell reads the same
# CSV edge list, runs one task and writes every node's result as JSON to a file.
#   bash Benchmarks/end-to-end.sh           # every task, 3 runs each (alternating contenders)
#   REPEAT=5 PEERS="igraph networkit" bash Benchmarks/end-to-end.sh
#
# Outpost is its CLI (`outpost centrality … --format json`, `outpost communities … --format
# json`, stdout to the file); the peers are Benchmarks/e2e_peer.py (interpreter start-up and
# imports included). Wall time and peak memory come from /usr/bin/time (%e, %M). A contender
# whose first run takes over 60 s runs once. NetworkX is left out where it takes hours
# (betweenness on 20,000 nodes) or has no such algorithm (Leiden).
#
# The limit column: the bytes a task cannot avoid moving (the CSV read once and the JSON
# written once) divided by this machine's memory bandwidth, measured first by copying a 512 MB
# array (numpy), a loose lower bound for every contender.
# Results: Benchmarks/results/end-to-end.jsonl (every run) and end-to-end.md (the table).
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/prepare.sh
swift build -c release --product outpost 2>&1 | tail -n 1
outpost=.build/release/outpost
scratch=.build/end-to-end
mkdir -p "$scratch" Benchmarks/results
runs=Benchmarks/results/end-to-end.jsonl
: > "$runs"

bandwidth=$("$venv/bin/python" - <<'PY'
import time, numpy as np
a = np.ones(64 * 1024 * 1024, dtype=np.float64)  # 512 MB
b = np.empty_like(a)
best = min((lambda t: (np.copyto(b, a), time.perf_counter() - t)[1])(time.perf_counter()) for _ in range(5))
print(int(2 * a.nbytes / best))  # read and write
PY
)
echo "==> memory bandwidth (copy): $((bandwidth / 1000000)) MB/s" >&2

tasks=("ba-1m pagerank" "ba-1m core-number" "ba-20k betweenness" "planted leiden" "planted label-propagation")
for entry in "${tasks[@]}"; do
  read -r graph task <<<"$entry"
  file=Benchmarks/data/$graph.csv
  contenders=(outpost)
  for peer in $PEERS; do
    if [ "$peer" = networkx ] && { [ "$task" = betweenness ] || [ "$task" = leiden ]; }; then continue; fi
    contenders+=("$peer")
  done
  declare -A once=()
  for ((rep = 1; rep <= REPEAT; rep++)); do
    # Alternate the order from run to run, so no contender always runs on a warmer machine.
    order=("${contenders[@]}")
    if ((rep % 2 == 0)); then order=($(printf '%s\n' "${contenders[@]}" | tac)); fi
    for contender in "${order[@]}"; do
      if [ -n "${once[$contender]:-}" ]; then continue; fi
      result=$scratch/$graph-$task-$contender.json
      rm -f "$result"
      echo "==> $contender: $task on $graph (run $rep)" >&2
      if [ "$contender" = outpost ]; then
        case "$task" in
          leiden|label-propagation) command=("$outpost" communities "$file" --algorithm "$task" --format json) ;;
          *) command=("$outpost" centrality "$file" --measure "$task" --format json) ;;
        esac
        /usr/bin/time -f "%e %M" -o "$scratch/time" "${command[@]}" >"$result" 2>"$scratch/stderr" \
          || { cat "$scratch/stderr" >&2; exit 1; }
      else
        /usr/bin/time -f "%e %M" -o "$scratch/time" "$venv/bin/python" Benchmarks/e2e_peer.py "$contender" "$task" "$file" "$result" \
          >/dev/null 2>"$scratch/stderr" || { cat "$scratch/stderr" >&2; exit 1; }
      fi
      read -r seconds kilobytes < <(tail -n 1 "$scratch/time")
      printf '{"graph": "%s", "task": "%s", "contender": "%s", "seconds": %s, "peak_kb": %s, "input_bytes": %s, "output_bytes": %s}\n' \
        "$graph" "$task" "$contender" "$seconds" "$kilobytes" "$(stat -c %s "$file")" "$(stat -c %s "$result")" >>"$runs"
      if [ "${seconds%.*}" -ge 60 ]; then once[$contender]=1; fi
    done
  done
  unset once
done

"$venv/bin/python" - "$runs" "$bandwidth" <<'PY' | tee Benchmarks/results/end-to-end.md
import json, statistics, sys
runs = [json.loads(line) for line in open(sys.argv[1])]
bandwidth = int(sys.argv[2])
contenders = ["outpost", "igraph", "networkit", "networkx"]
keys = []
for r in runs:
    if (r["graph"], r["task"]) not in keys:
        keys.append((r["graph"], r["task"]))
print(f"End to end (fresh process: read the CSV, run the task, write every node's result as JSON); "
      f"median seconds of the runs (min–max), peak memory in MB; memory bandwidth {bandwidth / 1e9:.1f} GB/s (copy).")
print()
print("| graph | task | " + " | ".join(contenders) + " | Outpost ÷ fastest peer | limit (CSV in, JSON out at memory speed) |")
print("|---|---|" + "---|" * len(contenders) + "---|---|")
for graph, task in keys:
    cells, medians = [], {}
    for c in contenders:
        mine = [r for r in runs if (r["graph"], r["task"], r["contender"]) == (graph, task, c)]
        if not mine:
            cells.append("—"); continue
        t = [r["seconds"] for r in mine]
        medians[c] = statistics.median(t)
        peak = statistics.median(r["peak_kb"] for r in mine) / 1024
        spread = f" ({min(t):.2f}–{max(t):.2f})" if len(t) > 1 else ""
        cells.append(f"{medians[c]:.2f} s{spread}, {peak:.0f} MB")
    peers = [v for c, v in medians.items() if c != "outpost"]
    ratio = f"{medians['outpost'] / min(peers):.2f}×" if peers and "outpost" in medians else "—"
    mine = [r for r in runs if (r["graph"], r["task"], r["contender"]) == (graph, task, "outpost")]
    moved = mine[0]["input_bytes"] + mine[0]["output_bytes"]
    print(f"| {graph} | {task} | " + " | ".join(cells) + f" | {ratio} | {moved / bandwidth * 1000:.0f} ms ({moved / 1e6:.0f} MB) |")
PY
