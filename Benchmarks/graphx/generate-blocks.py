"""Writes a seeded random graph for the GraphX scale check as a CSV edge list (source,target).

`blocks` disjoint Erdős–Rényi G(n, m) graphs of `size` nodes and `edges` random pairs each (loops
redrawn, repeated pairs kept: both GraphX and Outpost count components over the same pairs).
Node ids are numbers: block b holds b*size … (b+1)*size-1. With 10 edges per node a block is
almost always one component (a stray vertex may stay apart or never appear), so the graph has
about `blocks` components of about `size` vertices, and small diameters: GraphX's
connectedComponents (one Pregel round per hop) converges in a few rounds.

Usage: python generate-blocks.py OUT.csv [blocks size edges seed]
       (default 1000 2000 10000 20221205: 2,000,000 nodes, 10,000,000 edges)
"""
import random
import sys

out = sys.argv[1]
blocks, size, edges, seed = (int(a) for a in (sys.argv[2:6] if len(sys.argv) > 2 else (1000, 2000, 10000, 20221205)))
rng = random.Random(seed)
with open(out, "w") as f:
    f.write("source,target\n")
    for b in range(blocks):
        base = b * size
        lines = []
        for _ in range(edges):
            u = rng.randrange(size)
            v = rng.randrange(size)
            while v == u:
                v = rng.randrange(size)
            lines.append(f"{base + u},{base + v}\n")
        f.write("".join(lines))
print(f"generate-blocks: {blocks} blocks of {size} nodes, {blocks * edges} edges in {out}", file=sys.stderr)
