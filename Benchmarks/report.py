"""Reads the JSON lines of one benchmark run and prints a Markdown table: each contender's
time and its ratio to the fastest peer (igraph, NetworKit, NetworkX) for that task."""
import json
import sys
from collections import defaultdict

rows = defaultdict(dict)   # (graph, algorithm) -> contender -> record
order = []
for line in open(sys.argv[1]):
    record = json.loads(line)
    key = (record["graph"], record["algorithm"])
    if key not in order:
        order.append(key)
    earlier = rows[key].get(record["contender"])
    if earlier is None or earlier.get("seconds") is None:
        rows[key][record["contender"]] = record

contenders = ["outpost", "igraph", "networkit", "networkx"]
print("| graph | task | " + " | ".join(contenders) + " | Outpost ÷ fastest peer |")
print("|---|---|" + "---|" * (len(contenders) + 1))
for key in order:
    cells = []
    for c in contenders:
        r = rows[key].get(c)
        if not r or r.get("seconds") is None:
            cells.append("—")
        else:
            mark = " (extrapolated)" if "extrapolated" in r.get("note", "") else ""
            if "samples" in r:  # approximate betweenness: the paths it sampled
                mark += f" ({r['samples']:,} samples)"
            cells.append(f"{r['seconds']:.3f} s{mark}")
    peers = [rows[key][c]["seconds"] for c in contenders[1:] if c in rows[key] and rows[key][c].get("seconds") is not None]
    ours = rows[key].get("outpost", {}).get("seconds")
    ratio = "—"
    if peers and ours is not None:
        r = ours / min(peers)
        ratio = f"{r:.2f}×" if r >= 0.01 else f"{r:.2g}×"  # approximate betweenness: 0.0012×
    print(f"| {key[0]} | {key[1]} | " + " | ".join(cells) + f" | {ratio} |")
