"""One end-to-end run of a peer library, as a user's script would do it: read the CSV edge list,
run one task, write every node's result as JSON to a file. Benchmarks/end-to-end.sh times the
whole process (interpreter start-up and imports included) from the shell.

  python e2e_peer.py LIBRARY TASK FILE.csv OUT.json
  LIBRARY: igraph | networkit | networkx
  TASK: pagerank | core-number | betweenness | leiden | label-propagation

Each library reads the file with the reader the algorithm benchmark (peers.py) uses: NetworKit
its own EdgeListReader, igraph and NetworkX numpy's loadtxt. The result is a JSON object from
node id to score (centralities) or to community number (communities).
"""
import json
import sys

library, task, path, out = sys.argv[1:]


def read_edges():
    import numpy as np
    return np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.int64)


def write(mapping):
    with open(out, "w") as f:
        json.dump(mapping, f)


def membership_of(communities):
    return {str(v): k for k, members in enumerate(communities) for v in members}


if library == "igraph":
    import igraph as ig
    edges = read_edges()
    g = ig.Graph(n=int(edges.max()) + 1, edges=edges.tolist(), directed=False)
    if task == "pagerank":
        scores = g.pagerank()
    elif task == "core-number":
        scores = g.coreness()
    elif task == "betweenness":
        n = g.vcount()
        scores = [b * 2 / ((n - 1) * (n - 2)) for b in g.betweenness()]  # normalized, as NetworkX
    elif task == "leiden":
        scores = g.community_leiden(objective_function="modularity", n_iterations=-1).membership
    elif task == "label-propagation":
        scores = g.community_label_propagation().membership
    else:
        sys.exit(f"igraph: no task {task}")
    write({str(v): s for v, s in enumerate(scores)})
elif library == "networkit":
    import networkit as nk
    nk.engineering.setNumberOfThreads(2)
    reader = nk.graphio.EdgeListReader(",", 0, commentPrefix="s", continuous=True, directed=False)
    g = reader.read(path)

    def run(cls, *args, **kwargs):
        a = cls(g, *args, **kwargs)
        a.run()
        return a

    if task == "pagerank":
        scores = run(nk.centrality.PageRank, 0.85, 1e-10).scores()
    elif task == "core-number":
        scores = run(nk.centrality.CoreDecomposition).scores()
    elif task == "betweenness":
        scores = run(nk.centrality.Betweenness, normalized=True).scores()
    elif task == "leiden":
        scores = run(nk.community.ParallelLeiden).getPartition().getVector()
    elif task == "label-propagation":
        scores = run(nk.community.PLP).getPartition().getVector()
    else:
        sys.exit(f"networkit: no task {task}")
    write({str(v): s for v, s in enumerate(scores)})
elif library == "networkx":
    import networkx as nx
    g = nx.Graph()
    g.add_edges_from(map(tuple, read_edges().tolist()))
    if task == "pagerank":
        write({str(v): s for v, s in nx.pagerank(g, tol=1e-10).items()})
    elif task == "core-number":
        write({str(v): s for v, s in nx.core_number(g).items()})
    elif task == "label-propagation":
        write(membership_of(nx.community.label_propagation_communities(g)))
    else:
        sys.exit(f"networkx: no task {task}")
else:
    sys.exit(f"unknown library {library}")
