#!/usr/bin/env python3
"""Generate Outpost's NetworkX reference fixtures.

Run through the wrapper, which builds a pinned virtualenv first:

    bash Tests/Fixtures/generate.sh

or directly, with networkx 3.6.1, numpy, scipy and igraph importable:

    python3 Tests/Fixtures/generate.py [--out DIR]

What it writes (DIR defaults to the folder holding this script):

* ``graphs/NAME.graphml`` -- every reference graph, written by NetworkX
  (``nx.write_graphml_xml``: the pure-stdlib GraphML writer, so the bytes do
  not depend on whether lxml happens to be installed).  Node ids are strings;
  weighted graphs carry an edge attribute ``weight``.
* ``graphs/NAME.csv`` -- the same edges as CSV (header ``source,target`` or
  ``source,target,weight``, one row per edge in NetworkX's edge order,
  written by the ``csv`` module), only for graphs without isolated nodes
  (a CSV edge list cannot express an isolated node).
* ``expected/NAME.json`` -- the values NetworkX (and, for one key, igraph)
  computes on that graph.  See README.md beside this script for every key,
  the exact call that produced it and the conventions the Swift side must
  match.

The output is deterministic: every random generator is seeded, JSON is
written with sorted keys and Python's shortest round-trip float repr, and
re-running the script produces byte-identical files.  Hand-made broken
inputs under ``graphs/bad/`` are not touched by this script.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import random
import statistics
import sys
from itertools import islice

import networkx as nx

try:
    import igraph as ig
except ImportError:  # pragma: no cover - the wrapper always installs it
    ig = None

EXPECTED_NETWORKX = "3.6.1"

# --------------------------------------------------------------------------
# Graphs
# --------------------------------------------------------------------------


def _stringify(G: nx.Graph) -> nx.Graph:
    """Relabel nodes to strings (keeping order) and keep only string graph attrs."""
    H = nx.relabel_nodes(G, {n: str(n) for n in G}, copy=True)
    # GraphML cannot store list/set-valued graph attributes (davis' top/bottom
    # node lists, planted_partition's 'partition'): keep plain scalars only.
    for key in list(H.graph):
        if not isinstance(H.graph[key], (str, int, float, bool)):
            del H.graph[key]
    return H


def directed_graph() -> nx.DiGraph:
    """Hand-made DiGraph: a source, two non-trivial SCCs, sinks, an isolated node.

    src -> {a, d}; SCC1 = {a, b, c} (a->b->c->a plus b->a);
    c -> d links SCC1 to SCC2 = {d, e, f, g} (d->e->f->g->d plus e->d);
    sinks: sink1 (from b and f), sink2 (from g and m); m is a second source;
    iso has no edges at all.
    """
    G = nx.DiGraph(name="directed")
    G.add_nodes_from(["src", "a", "b", "c", "d", "e", "f", "g", "sink1", "sink2", "m", "iso"])
    G.add_edges_from(
        [
            ("src", "a"), ("src", "d"),
            ("a", "b"), ("b", "c"), ("c", "a"), ("b", "a"),
            ("c", "d"),
            ("d", "e"), ("e", "f"), ("f", "g"), ("g", "d"), ("e", "d"),
            ("b", "sink1"), ("f", "sink1"),
            ("g", "sink2"), ("m", "sink2"),
        ]
    )
    return G


def weighted_graph() -> nx.Graph:
    """Hand-made undirected weighted graph, 10 nodes.

    Weights are dyadic fractions (exact in binary floating point) so that the
    deliberate ties -- e.g. A->D costs 2.0 via B and via C, and several
    edges share weight 1.0 -- are exact ties in every language.
    """
    G = nx.Graph(name="weighted")
    G.add_nodes_from("ABCDEFGHIJ")
    G.add_weighted_edges_from(
        [
            ("A", "B", 1.0), ("A", "C", 0.5), ("B", "D", 1.0), ("C", "D", 1.5),
            ("B", "C", 2.25), ("D", "E", 0.25), ("E", "F", 1.0), ("D", "F", 1.25),
            ("F", "G", 3.0), ("E", "G", 4.0), ("G", "H", 0.75), ("H", "I", 1.0),
            ("G", "I", 1.75), ("I", "J", 2.5), ("A", "J", 8.0),
        ]
    )
    return G


def components_graph() -> nx.Graph:
    """Undirected graph with components of sizes 6, 5, 4, 3, 2 and 3 isolated nodes."""
    G = nx.Graph(name="components")
    G.add_nodes_from(str(i) for i in range(23))
    edges = [
        (0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 0), (0, 3),  # 6-cycle with a chord
        (18, 19), (18, 20), (18, 21), (18, 22),  # star on 5 nodes
        (6, 7), (7, 8), (8, 9),  # path on 4 nodes
        (10, 11), (11, 12), (12, 10),  # triangle
        (13, 14),  # single edge
    ]  # 15, 16 and 17 are isolated
    G.add_edges_from((str(u), str(v)) for u, v in edges)
    return G


def shuffled_union(name: str, parts: list[nx.Graph], isolated: int, seed: int, directed: bool) -> nx.Graph:
    """Disjoint union of `parts` plus `isolated` isolated nodes, relabelled "0".."n-1"
    in a seeded random order and added in label order, so that no component is a
    contiguous run of node positions."""
    G = nx.DiGraph(name=name) if directed else nx.Graph(name=name)
    union = nx.disjoint_union_all(parts) if parts else (nx.DiGraph() if directed else nx.Graph())
    n = union.number_of_nodes() + isolated
    labels = list(range(n))
    random.Random(seed).shuffle(labels)
    G.add_nodes_from(str(i) for i in range(n))
    G.add_edges_from((str(labels[u]), str(labels[v])) for u, v in union.edges())
    return G


def batch_graphs() -> dict[str, nx.Graph]:
    """Graphs sized around the multi-source search's batch widths (64 and 256 sources per
    batch, words of 64 bits): one batch short, full, one over, two full plus one."""
    return {
        "batch-63": _stringify(nx.gnp_random_graph(63, 0.06, seed=21)),
        "batch-64": _stringify(nx.connected_watts_strogatz_graph(64, 4, 0.1, seed=22)),
        "batch-65": _stringify(nx.barabasi_albert_graph(65, 2, seed=23)),
        # a long path (deep layers), a preferential-attachment part, a cycle, isolated nodes
        "batch-129": shuffled_union("batch-129", [nx.path_graph(70), nx.barabasi_albert_graph(50, 2, seed=24),
                                                  nx.cycle_graph(6)], 3, seed=24, directed=False),
        "batch-directed-130": _stringify(nx.gnp_random_graph(130, 0.025, seed=25, directed=True)),
        "batch-257": shuffled_union("batch-257", [nx.barabasi_albert_graph(200, 2, seed=26), nx.path_graph(50)],
                                    7, seed=26, directed=False),
        "batch-directed-300": shuffled_union(
            "batch-directed-300",
            [nx.gnp_random_graph(240, 0.012, seed=27, directed=True), nx.path_graph(40, create_using=nx.DiGraph)],
            20, seed=27, directed=True),
    }


# Graphs for closeness and harmonic centrality only (see batch_graphs).
SEARCH_ONLY = set(batch_graphs())


def build_graphs() -> dict[str, nx.Graph]:
    karate = _stringify(nx.karate_club_graph())
    lesmis = _stringify(nx.les_miserables_graph())
    davis = _stringify(nx.davis_southern_women_graph())
    graphs = {
        "karate": karate,
        "florentine": _stringify(nx.florentine_families_graph()),
        "lesmis": lesmis,
        "davis": davis,
        "directed": directed_graph(),
        "weighted": weighted_graph(),
        "components": components_graph(),
        "gnp-50": _stringify(nx.gnp_random_graph(50, 0.08, seed=7)),
        "gnp-directed-40": _stringify(nx.gnp_random_graph(40, 0.1, seed=11, directed=True)),
        "ba-200": _stringify(nx.barabasi_albert_graph(200, 3, seed=5)),
        "planted": _stringify(nx.planted_partition_graph(4, 25, 0.5, 0.02, seed=3)),
    }
    graphs.update(batch_graphs())
    return graphs


def build_leiden_graphs() -> dict[str, nx.Graph]:
    """Sparse random graphs (average degree 6) on which only igraph's Leiden is recorded."""
    return {f"gnm-{n}-{seed}": _stringify(nx.gnm_random_graph(n, 3 * n, seed=seed))
            for n, seed in [(200, 4), (300, 1), (300, 5), (400, 3), (500, 2)]}


WEIGHTED = {"karate", "lesmis", "weighted"}
# Path fixtures: every undirected graph plus the hand-made directed one.
PATH_GRAPHS_DIRECTED = {"directed"}

# --------------------------------------------------------------------------
# Writing graphs
# --------------------------------------------------------------------------


def write_graph_files(name: str, G: nx.Graph, weighted: bool, graphs_dir: str) -> list[str]:
    written = []
    path = os.path.join(graphs_dir, f"{name}.graphml")
    nx.write_graphml_xml(G, path, encoding="utf-8", prettyprint=True)
    written.append(path)
    if nx.number_of_isolates(G) == 0:
        path = os.path.join(graphs_dir, f"{name}.csv")
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        if weighted:
            w.writerow(["source", "target", "weight"])
            for u, v, wt in G.edges(data="weight"):
                w.writerow([u, v, repr(wt)])
        else:
            w.writerow(["source", "target"])
            for u, v in G.edges():
                w.writerow([u, v])
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())
        written.append(path)
    return written


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def fmap(d) -> dict:
    """{node: number} -> {str: float} (ints kept as ints only where they are ints)."""
    out = {}
    for k, v in d.items():
        v = float(v)
        if not math.isfinite(v):
            raise ValueError(f"non-finite value {v!r} for node {k!r}")
        out[str(k)] = v
    return out


def imap(d) -> dict:
    return {str(k): int(v) for k, v in d.items()}


def sorted_sets(sets) -> list[list[str]]:
    """Member lists sorted inside, then by (-len, first member)."""
    lists = [sorted(str(x) for x in s) for s in sets]
    lists.sort(key=lambda m: (-len(m), m[0] if m else ""))
    return lists


def norm_edge(u, v, directed: bool) -> list[str]:
    u, v = str(u), str(v)
    if not directed and v < u:
        u, v = v, u
    return [u, v]


def katz_certainly_diverges(G: nx.Graph, alpha: float) -> bool:
    """True when alpha * spectral_radius(A) is clearly above 1 (unweighted A)."""
    import numpy as np

    if G.number_of_edges() == 0:
        return False
    A = nx.to_numpy_array(G, weight=None)
    rho = float(max(abs(np.linalg.eigvals(A))))
    return alpha * rho > 1.0 + 1e-6


class Recorder:
    """Collects keys; a failing NetworkX call stores null and its error name."""

    def __init__(self):
        self.data: dict = {}
        self.errors: dict = {}

    def put(self, key, fn):
        try:
            self.data[key] = fn()
        except (nx.NetworkXException, ArithmeticError, ValueError) as exc:
            self.data[key] = None
            self.errors[key] = type(exc).__name__


# --------------------------------------------------------------------------
# Expected values
# --------------------------------------------------------------------------


def describe(name: str, G: nx.Graph, weighted: bool, d: dict) -> None:
    """The keys every expected file starts with: name, direction, weights, nodes, edge count."""
    d["name"] = name
    d["directed"] = G.is_directed()
    d["weighted"] = weighted
    d["nodes"] = [str(n) for n in G]
    d["edges"] = G.number_of_edges()


def expected_for(name: str, G: nx.Graph, weighted: bool) -> dict:
    directed = G.is_directed()
    W = "weight" if weighted else None
    rec = Recorder()
    put = rec.put
    d = rec.data

    describe(name, G, weighted, d)

    if name in SEARCH_ONLY:
        put("closeness_centrality",
            lambda: fmap(nx.closeness_centrality(G, distance=None, wf_improved=True)))
        put("closeness_centrality_unscaled",
            lambda: fmap(nx.closeness_centrality(G, distance=None, wf_improved=False)))
        put("harmonic_centrality", lambda: fmap(nx.harmonic_centrality(G, distance=None)))
        if rec.errors:
            d["errors"] = rec.errors
        return d

    # ---- centrality ------------------------------------------------------
    put("degree_centrality", lambda: fmap(nx.degree_centrality(G)))
    if directed:
        put("in_degree_centrality", lambda: fmap(nx.in_degree_centrality(G)))
        put("out_degree_centrality", lambda: fmap(nx.out_degree_centrality(G)))

    put("betweenness_centrality",
        lambda: fmap(nx.betweenness_centrality(G, normalized=True, endpoints=False, weight=None)))
    put("betweenness_centrality_raw",
        lambda: fmap(nx.betweenness_centrality(G, normalized=False, endpoints=False, weight=None)))
    if weighted:
        put("betweenness_centrality_weighted",
            lambda: fmap(nx.betweenness_centrality(G, normalized=True, endpoints=False, weight="weight")))

    put("closeness_centrality",
        lambda: fmap(nx.closeness_centrality(G, distance=None, wf_improved=True)))
    put("harmonic_centrality", lambda: fmap(nx.harmonic_centrality(G, distance=None)))
    if weighted:
        put("closeness_centrality_weighted",
            lambda: fmap(nx.closeness_centrality(G, distance="weight", wf_improved=True)))
        put("harmonic_centrality_weighted",
            lambda: fmap(nx.harmonic_centrality(G, distance="weight")))

    put("eigenvector_centrality",
        lambda: fmap(nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12, weight=None)))
    if weighted:
        put("eigenvector_centrality_weighted",
            lambda: fmap(nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12, weight="weight")))

    pr = dict(alpha=0.85, tol=1e-13, max_iter=10000)
    put("pagerank", lambda: fmap(nx.pagerank(G, weight=None, **pr)))
    if weighted:
        put("pagerank_weighted", lambda: fmap(nx.pagerank(G, weight="weight", **pr)))
    put("pagerank_alpha_0_5",
        lambda: fmap(nx.pagerank(G, alpha=0.5, tol=1e-13, max_iter=10000, weight=None)))
    first = str(next(iter(G)))
    d["pagerank_personalization"] = {first: 1}
    put("pagerank_personalized",
        lambda: fmap(nx.pagerank(G, personalization={first: 1}, weight=None, **pr)))

    katz = dict(alpha=0.1, beta=1.0, max_iter=100000, tol=1e-13, weight=None)
    if katz_certainly_diverges(G, katz["alpha"]):
        # The Katz power iteration x <- alpha*A^T x + beta is the partial sum
        # of a Neumann series that diverges when alpha >= 1/rho(A); NetworkX
        # would spin through all 100000 iterations (minutes in pure Python)
        # before raising PowerIterationFailedConvergence.  Confirm the same
        # exception with a short run instead.
        katz = dict(katz, max_iter=1000)
    put("katz_centrality", lambda: fmap(nx.katz_centrality(G, normalized=True, **katz)))
    put("katz_centrality_raw", lambda: fmap(nx.katz_centrality(G, normalized=False, **katz)))

    def core():
        H = G.copy()
        H.remove_edges_from(list(nx.selfloop_edges(H)))
        return imap(nx.core_number(H))

    put("core_number", core)

    # ---- structure -------------------------------------------------------
    if directed:
        put("strongly_connected_components",
            lambda: sorted_sets(nx.strongly_connected_components(G)))
        put("weakly_connected_components",
            lambda: sorted_sets(nx.weakly_connected_components(G)))
    else:
        put("connected_components", lambda: sorted_sets(nx.connected_components(G)))
        put("articulation_points", lambda: sorted(str(n) for n in nx.articulation_points(G)))
        put("bridges", lambda: sorted(norm_edge(u, v, False) for u, v in nx.bridges(G)))
    put("clustering", lambda: fmap(nx.clustering(G)))
    put("average_clustering", lambda: float(nx.average_clustering(G)))
    put("density", lambda: float(nx.density(G)))

    def diameter_largest():
        comps = (nx.strongly_connected_components(G) if directed
                 else nx.connected_components(G))
        largest = sorted_sets(comps)[0]
        return nx.diameter(G.subgraph(largest))

    put("diameter_largest_component", diameter_largest)

    # ---- communities -----------------------------------------------------
    louvain_part = None
    if not directed:
        def louvain():
            comms = nx.community.louvain_communities(G, seed=42, weight=W, resolution=1.0)
            return {
                "seed": 42,
                "resolution": 1.0,
                "weighted": weighted,
                "communities": sorted_sets(comms),
                "modularity": float(nx.community.modularity(G, comms, weight=W, resolution=1.0)),
            }

        put("louvain", louvain)
        if d["louvain"] is not None:
            louvain_part = d["louvain"]["communities"]

        def labelprop():
            comms = list(nx.community.label_propagation_communities(G))
            return {
                "weighted": weighted,
                "communities": sorted_sets(comms),
                "modularity": float(nx.community.modularity(G, comms, weight=W)),
            }

        put("label_propagation", labelprop)

    def modularity_checks():
        ids = sorted(str(n) for n in G)
        half = len(ids) // 2
        partitions = [("all-in-one", [ids])]
        if directed:
            partitions.append(("strongly-connected-components",
                               sorted_sets(nx.strongly_connected_components(G))))
        elif louvain_part is not None:
            partitions.append(("louvain", louvain_part))
        partitions.append(("sorted-halves", [ids[:half], ids[half:]]))
        out = []
        for label, part in partitions:
            for wflag in ([False, True] if weighted else [False]):
                for r in (0.5, 1.0, 2.0):
                    q = nx.community.modularity(G, [set(p) for p in part],
                                                weight="weight" if wflag else None,
                                                resolution=r)
                    out.append({"label": label, "partition": part, "resolution": r,
                                "weighted": wflag, "modularity": float(q)})
        return out

    put("modularity_checks", modularity_checks)

    if not directed and ig is not None:
        add_igraph_leiden(G, weighted, rec)

    # ---- paths -----------------------------------------------------------
    if not directed or name in PATH_GRAPHS_DIRECTED:
        add_paths(G, weighted, rec)

    # ---- bipartite -------------------------------------------------------
    if name == "davis":
        def projection(side_value):
            nodes = [n for n, b in G.nodes(data="bipartite") if b == side_value]
            P = nx.bipartite.weighted_projected_graph(G, nodes)
            return sorted([*norm_edge(u, v, False), int(w)] for u, v, w in P.edges(data="weight"))

        d["bipartite_projection"] = {"onto": "women", "edges": projection(0)}
        d["bipartite_projection_events"] = {"onto": "events", "edges": projection(1)}

    if rec.errors:
        d["errors"] = rec.errors
    return d


def igraph_leiden_runs(G: nx.Graph, weighted: bool) -> list[tuple[float, list[int]]]:
    """igraph's converged Leiden (modularity) for seeds 0..9: (modularity, membership) each."""
    nodes = list(G)
    index = {n: i for i, n in enumerate(nodes)}
    h = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()],
                 directed=False)
    weights = [float(G[u][v]["weight"]) for u, v in G.edges()] if weighted else None
    if weighted:
        h.es["weight"] = weights
    runs = []
    for s in range(10):
        random.seed(s)  # python-igraph draws from Python's `random` by default
        cl = h.community_leiden(objective_function="modularity",
                                weights="weight" if weighted else None,
                                n_iterations=-1)
        runs.append((float(h.modularity(cl.membership, weights=weights)), cl.membership))
    return runs


def add_igraph_leiden(G: nx.Graph, weighted: bool, rec: Recorder, median: bool = False) -> None:
    """`igraph_leiden_modularity` (best of seeds 0..9) and `igraph_leiden_best`; with
    `median`, also `igraph_leiden_median_modularity` (median of the ten)."""
    d = rec.data
    W = "weight" if weighted else None
    try:
        runs = igraph_leiden_runs(G, weighted)
    except Exception as exc:  # noqa: BLE001 - recorded, not hidden
        d["igraph_leiden_modularity"] = None
        rec.errors["igraph_leiden_modularity"] = type(exc).__name__
        return
    best = None
    for s, (q, membership) in enumerate(runs):
        if best is None or q > best[0]:
            best = (q, s, membership)
    q, s, membership = best
    groups: dict[int, list] = {}
    for n, c in zip(list(G), membership):
        groups.setdefault(c, []).append(n)
    part = sorted_sets(groups.values())
    d["igraph_leiden_modularity"] = q
    d["igraph_leiden_best"] = {"seed": s, "communities": part,
                               "networkx_modularity": float(nx.community.modularity(
                                   G, [set(p) for p in part], weight=W))}
    if median:
        d["igraph_leiden_median_modularity"] = float(statistics.median(q for q, _ in runs))


def leiden_only_expected(name: str, G: nx.Graph) -> dict:
    """The expected file of a graph of `build_leiden_graphs()`: what describes it and igraph's
    Leiden only."""
    rec = Recorder()
    d = rec.data
    describe(name, G, False, d)
    add_igraph_leiden(G, False, rec, median=True)
    if rec.errors:
        d["errors"] = rec.errors
    return d


def add_paths(G: nx.Graph, weighted: bool, rec: Recorder) -> None:
    d = rec.data
    directed = G.is_directed()
    ids = sorted(str(n) for n in G)
    rng = random.Random(1)
    pairs = [tuple(rng.sample(ids, 2)) for _ in range(5)]
    d["path_pairs"] = [list(p) for p in pairs]

    def spl(weight):
        out = []
        for s, t in pairs:
            try:
                length = nx.shortest_path_length(G, s, t, weight=weight,
                                                 method="dijkstra")
            except nx.NetworkXNoPath:
                length = None
            out.append({"source": s, "target": t,
                        "length": (float(length) if weight and length is not None else length)})
        return out

    rec.put("shortest_path_length", lambda: spl(None))
    if weighted:
        rec.put("weighted_shortest_path_length", lambda: spl("weight"))

    def asp():
        out = []
        for s, t in pairs:
            try:
                paths = sorted([str(x) for x in p] for p in nx.all_shortest_paths(G, s, t))
            except nx.NetworkXNoPath:
                paths = []
            out.append({"source": s, "target": t, "paths": paths})
        return out

    rec.put("all_shortest_paths", asp)

    # Three connected pairs: the drawn pairs that have a path, topped up with
    # further draws from the same generator if fewer than three do.
    connected = [p for p in pairs if nx.has_path(G, *p)][:3]
    guard = 0
    while len(connected) < 3 and guard < 10000:
        p = tuple(rng.sample(ids, 2))
        guard += 1
        if nx.has_path(G, *p) and p not in connected:
            connected.append(p)

    def ssp(weight):
        out = []
        for s, t in connected:
            paths = [[str(x) for x in p]
                     for p in islice(nx.shortest_simple_paths(G, s, t, weight=weight), 5)]
            entry = {"source": s, "target": t, "k": 5, "paths": paths,
                     "lengths": [len(p) - 1 for p in paths]}
            if weight:
                entry["costs"] = [float(sum(G[u][v][weight] for u, v in zip(p, p[1:])))
                                  for p in paths]
            out.append(entry)
        return out

    rec.put("shortest_simple_paths", lambda: ssp(None))
    if weighted:
        rec.put("shortest_simple_paths_weighted", lambda: ssp("weight"))

    def ego():
        centers = rng.sample(ids, 2)
        out = []
        for c in centers:
            E = nx.ego_graph(G, c, radius=2)  # NetworkX defaults: undirected=False, center=True
            out.append({
                "center": c,
                "radius": 2,
                "nodes": sorted(str(n) for n in E),
                "edges": sorted(norm_edge(u, v, directed) for u, v in E.edges()),
            })
        return out

    rec.put("ego_graph", ego)


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def dump_json(obj, path: str) -> None:
    text = json.dumps(obj, sort_keys=True, indent=1, ensure_ascii=False, allow_nan=False)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text + "\n")


def _pin_hash_seed() -> None:
    """Re-exec with PYTHONHASHSEED=0.

    Several NetworkX routines iterate over Python sets of string node ids
    (harmonic_centrality, for one, sums 1/d over ``set(G.nodes)``), so with
    hash randomisation the floating-point summation order -- and hence the
    last bits of the result -- changes from run to run.
    """
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__), *sys.argv[1:]], env)


def main(argv=None) -> int:
    _pin_hash_seed()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)),
                    help="fixture folder (default: this script's folder)")
    ap.add_argument("--allow-other-networkx", action="store_true",
                    help=f"do not insist on networkx=={EXPECTED_NETWORKX}")
    args = ap.parse_args(argv)

    if nx.__version__ != EXPECTED_NETWORKX and not args.allow_other_networkx:
        print(f"error: networkx {nx.__version__} found, fixtures are pinned to "
              f"{EXPECTED_NETWORKX}; run generate.sh", file=sys.stderr)
        return 2
    if ig is None:
        print("error: igraph is not importable; run generate.sh", file=sys.stderr)
        return 2

    graphs_dir = os.path.join(args.out, "graphs")
    expected_dir = os.path.join(args.out, "expected")
    os.makedirs(graphs_dir, exist_ok=True)
    os.makedirs(expected_dir, exist_ok=True)

    for name, G in build_graphs().items():
        weighted = name in WEIGHTED
        write_graph_files(name, G, weighted, graphs_dir)
        data = expected_for(name, G, weighted)
        dump_json(data, os.path.join(expected_dir, f"{name}.json"))
        errs = data.get("errors", {})
        print(f"{name:16s} n={G.number_of_nodes():4d} m={G.number_of_edges():5d}"
              + (f"  null: {', '.join(f'{k} ({v})' for k, v in sorted(errs.items()))}" if errs else ""))
    for name, G in build_leiden_graphs().items():
        write_graph_files(name, G, False, graphs_dir)
        data = leiden_only_expected(name, G)
        dump_json(data, os.path.join(expected_dir, f"{name}.json"))
        print(f"{name:16s} n={G.number_of_nodes():4d} m={G.number_of_edges():5d}  (Leiden only)"
              + (f"  null: {', '.join(sorted(data.get('errors', {})))}" if data.get("errors") else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
