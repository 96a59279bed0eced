"""Generates the benchmark graphs once, as CSV edge lists every contender reads.

Seeded, so every run and every contender sees the same graphs:
  ba-20k     Barabási–Albert, 20,000 nodes, m=3 (~60,000 edges): betweenness, closeness
  ba-1m      Barabási–Albert, 1,000,000 nodes, m=4 (~4,000,000 edges): PageRank, components, core number
  planted    planted partition, 100,000 nodes in 100 blocks of 1,000, ~600,000 edges
             (~500,000 inside blocks, ~100,000 between): Louvain, Leiden, label propagation
  edges-1m   the first 1,000,000 edges of ba-1m: the loading benchmark
  ba-100k    Barabási–Albert, 100,000 nodes, m=3 (~300,000 edges): closeness and harmonic on a larger graph
  ba-20k-weighted  ba-20k with integer weights 1..100: weighted betweenness and closeness
igraph generates them (NetworkX takes minutes for the million-node graph).
"""
import csv
import os
import sys

import igraph as ig

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "data")
os.makedirs(out, exist_ok=True)


def write(name, edges, header=("source", "target")):
    path = os.path.join(out, name + ".csv")
    if os.path.exists(path):
        return
    tmp = path + ".tmp"
    with open(tmp, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(edges)
    os.replace(tmp, path)
    print(f"wrote {path}: {len(edges)} edges", file=sys.stderr)


ig.set_random_number_generator(None)
import random
random.seed(20221205)
ig.set_random_number_generator(random)

ba20k = ig.Graph.Barabasi(20_000, 3, directed=False).get_edgelist()
write("ba-20k", ba20k)
ba1m = ig.Graph.Barabasi(1_000_000, 4, directed=False).get_edgelist()
write("ba-1m", ba1m)
write("edges-1m", ba1m[:1_000_000])
blocks, size = 100, 1_000
if not os.path.exists(os.path.join(out, "planted.csv")):
    # Planted partition: ~5,000 edges inside each block (p_in ≈ 0.01) and ~100,000 between
    # blocks, drawn as random pairs with numpy's seeded generator; duplicates and loops dropped.
    import numpy as np
    rng = np.random.default_rng(20221205)
    pairs = []
    for b in range(blocks):
        u = rng.integers(0, size, 5_000) + b * size
        v = rng.integers(0, size, 5_000) + b * size
        pairs.append(np.stack([u, v], axis=1))
    n = blocks * size
    u = rng.integers(0, n, 100_000)
    v = rng.integers(0, n, 100_000)
    cross = np.stack([u, v], axis=1)
    pairs.append(cross[(u // size) != (v // size)])
    e = np.concatenate(pairs)
    e = e[e[:, 0] != e[:, 1]]
    e = np.unique(np.sort(e, axis=1), axis=0)
    rng.shuffle(e)
    write("planted", e.tolist())

# A larger graph for the all-pairs measures (closeness, harmonic), own seed so that it does
# not depend on the graphs above: Barabási–Albert, 100,000 nodes, m=3 (~300,000 edges).
if not os.path.exists(os.path.join(out, "ba-100k.csv")):
    random.seed(20261202)
    write("ba-100k", ig.Graph.Barabasi(100_000, 3, directed=False).get_edgelist())

# ba-20k's edges with integer weights 1..100 (own seed), for the weighted betweenness and
# closeness rows: integers, so that every contender's sums of path lengths are exact.
weights = random.Random(20261203)
write("ba-20k-weighted", [(u, v, weights.randint(1, 100)) for u, v in ba20k], header=("source", "target", "weight"))
