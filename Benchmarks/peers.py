"""Times one peer library on one graph: load (read the CSV and build the graph) and each
algorithm separately, so algorithm times exclude loading as they do for Outpost.
Prints one JSON line per measurement, like outpost-bench.

  python peers.py LIBRARY FILE.csv [--repeat N] ALGORITHM...
  LIBRARY: igraph | networkit | networkx
With --repeat N, each algorithm runs up to N times (fewer once its runs pass 30 s in total) and
the median is reported, with every run's time, as outpost-bench does.
"""
import json
import sys
import time

library, path, *algorithms = sys.argv[1:]
repeats = 1
if "--repeat" in algorithms:
    flag = algorithms.index("--repeat")
    repeats = max(1, int(algorithms[flag + 1]))
    del algorithms[flag:flag + 2]


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def report(**fields):
    print(json.dumps(fields), flush=True)


def read_edges():
    """The edges as an (m, 2) array, and the weights as a list when the file has a third column."""
    import numpy as np
    table = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.int64)
    weights = table[:, 2].astype(float).tolist() if table.shape[1] > 2 else None
    return table[:, :2], weights


setups = {}  # algorithm -> called before each timed run, outside the timing
extras = {}  # fields an algorithm adds to its report (approx-betweenness: samples)

if library == "igraph":
    import igraph as ig

    def load():
        edges, weights = read_edges()
        g = ig.Graph(n=int(edges.max()) + 1, edges=edges.tolist(), directed=False)
        if weights is not None:
            g.es["weight"] = weights
        return g

    t, g = timed(load)
    report(algorithm="load", seconds=t, nodes=g.vcount(), edges=g.ecount())

    def fresh_graph():
        # igraph caches whether a graph is connected, and connected_components answers a
        # repeated call from that cache (0.08 s against 0.73 s on BA-1M). Each timed run gets
        # an uncached copy, built outside the timing.
        global g
        g = ig.Graph(n=g.vcount(), edges=g.get_edgelist(), directed=False)

    setups["components"] = fresh_graph
    runs = {
        "betweenness": lambda: sum(g.betweenness()),
        "betweenness-weighted": lambda: sum(g.betweenness(weights="weight")),
        "closeness-weighted": lambda: sum(g.closeness(weights="weight")),
        "closeness": lambda: sum(g.closeness()),
        "harmonic": lambda: sum(g.harmonic_centrality(normalized=False)),
        "pagerank": lambda: max(g.pagerank()),
        "components": lambda: len(g.connected_components()),
        "core-number": lambda: max(g.coreness()),
        "louvain": lambda: g.community_multilevel().modularity,
        "leiden": lambda: g.community_leiden(objective_function="modularity", n_iterations=-1).modularity,
        "leiden-2": lambda: g.community_leiden(objective_function="modularity", n_iterations=2).modularity,
        "label-propagation": lambda: g.community_label_propagation().modularity,
    }
elif library == "networkit":
    import networkit as nk

    nk.engineering.setNumberOfThreads(2)

    def load():
        # NetworKit's own reader; the header line starts with 's', read as a comment.
        reader = nk.graphio.EdgeListReader(",", 0, commentPrefix="s", continuous=True, directed=False)
        return reader.read(path)

    t, g = timed(load)
    report(algorithm="load", seconds=t, nodes=g.numberOfNodes(), edges=g.numberOfEdges())

    def run(algo_cls, *args, **kwargs):
        a = algo_cls(g, *args, **kwargs)
        a.run()
        return a

    def modularity(partition):
        return nk.community.Modularity().getQuality(partition, g)

    def approx_betweenness():
        # Riondato & Kornaropoulos with Outpost's parameters (outpost-bench approx-betweenness):
        # epsilon 0.1, delta 0.1 and c = 0.5 (NetworKit's default is 1: twice the samples).
        # On BA-1M each NetworKit sample is a full search, about 1.6 s here: epsilon 0.05 (1,261
        # samples) would take over half an hour. NetworKit divides by the paper's n(n-1) ordered
        # pairs; times n/(n-2), NetworkX's scale.
        a = run(nk.centrality.ApproxBetweenness, epsilon=0.1, delta=0.1, universalConstant=0.5)
        extras["samples"] = a.numberOfSamples()
        n = g.numberOfNodes()
        return max(a.scores()) * n / (n - 2)

    runs = {
        "betweenness": lambda: sum(run(nk.centrality.Betweenness, normalized=True).scores()),
        "approx-betweenness": approx_betweenness,
        "closeness": lambda: sum(run(nk.centrality.Closeness, True, nk.centrality.ClosenessVariant.Generalized).scores()),
        "harmonic": lambda: sum(run(nk.centrality.HarmonicCloseness, False).scores()),
        "pagerank": lambda: max(run(nk.centrality.PageRank, 0.85, 1e-10).scores()),
        "components": lambda: run(nk.components.ConnectedComponents).numberOfComponents(),
        "core-number": lambda: max(run(nk.centrality.CoreDecomposition).scores()),
        "louvain": lambda: modularity(run(nk.community.PLM, True).getPartition()),
        "leiden": lambda: modularity(run(nk.community.ParallelLeiden).getPartition()),
        "label-propagation": lambda: modularity(run(nk.community.PLP).getPartition()),
    }
elif library == "networkx":
    import networkx as nx

    def load():
        edges, weights = read_edges()
        g = nx.Graph()
        if weights is None:
            g.add_edges_from(map(tuple, edges.tolist()))
        else:
            g.add_weighted_edges_from((u, v, w) for (u, v), w in zip(edges.tolist(), weights))
        return g

    t, g = timed(load)
    report(algorithm="load", seconds=t, nodes=g.number_of_nodes(), edges=g.number_of_edges())
    # All-pairs measures take NetworkX hours on 20,000 nodes: time SAMPLE sources and scale
    # by n / SAMPLE (reported as extrapolated).
    SAMPLE = 200
    nodes = sorted(g.nodes())[:SAMPLE]
    scale = g.number_of_nodes() / SAMPLE
    runs = {
        "betweenness": lambda: sum(nx.betweenness_centrality_subset(g, nodes, list(g.nodes())).values()),
        "closeness": lambda: sum(nx.closeness_centrality(g, u=u) for u in nodes),
        "harmonic": lambda: sum(nx.harmonic_centrality(g, sources=nodes).values()),
        "pagerank": lambda: max(nx.pagerank(g, tol=1e-10).values()),
        "components": lambda: nx.number_connected_components(g),
        "core-number": lambda: max(nx.core_number(g).values()),
        "louvain": lambda: nx.community.modularity(g, nx.community.louvain_communities(g, seed=42)),
        "label-propagation": lambda: nx.community.modularity(g, nx.community.label_propagation_communities(g)),
    }
else:
    sys.exit(f"unknown library {library}")

for name in algorithms:
    if name == "load":
        continue  # reported above
    if name not in runs:
        report(algorithm=name, seconds=None, note="not measured")
        continue
    times = []
    while len(times) < repeats and sum(times) < 30:
        if name in setups:
            setups[name]()
        t, value = timed(runs[name])
        times.append(t)
    t = sorted(times)[len(times) // 2]
    if library == "networkx" and name in ("betweenness", "closeness", "harmonic"):
        report(algorithm=name, seconds=t * scale, checksum=value, runs=[x * scale for x in times],
               note=f"extrapolated from {SAMPLE} sources")
    else:
        report(algorithm=name, seconds=t, checksum=value, runs=times, **extras)
    extras.clear()
