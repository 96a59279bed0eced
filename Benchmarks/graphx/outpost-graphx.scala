// A Spark GraphX job over `outpost export PATH --format spark -o DIR`: connected components,
// PageRank and label propagation. Run it with spark-shell (it reads OUTPOST_GRAPHX_IN, writes
// into OUTPOST_GRAPHX_OUT and exits):
//
//   OUTPOST_GRAPHX_IN=DIR OUTPOST_GRAPHX_OUT=OUT spark-shell --master local[2] -i outpost-graphx.scala
//
// On a cluster, give --master spark://HOST:7077 (or --master yarn) and paths the cluster reads.
// OUTPOST_GRAPHX_ALGORITHMS (default components,pagerank,labels) chooses what runs: the scale
// check in scripts/check-graphx.sh runs components only on its 10,000,000 edges.
//
// Definitions:
// - components: weakly connected components (GraphX's connectedComponents ignores direction);
//   each vertex's component is the smallest vid in it. Written as components/ (id,component).
// - PageRank: on the undirected simple graph without isolated vertices (each linked pair once,
//   both ways), damping 0.85, run to a tolerance of 1e-10, then divided by the vertex count so
//   the ranks sum to 1: on a graph without dangling vertices this is NetworkX's pagerank(G,
//   alpha=0.85). Written as pagerank/ (id,rank).
// - label propagation: GraphX's LabelPropagation.run(graph, 5) on the same simple graph
//   (synchronous, so it can oscillate; no reference compares it). Written as labels/ (id,label).
import org.apache.spark.graphx._
import org.apache.spark.graphx.lib.LabelPropagation

val in = sys.env("OUTPOST_GRAPHX_IN")
val out = sys.env("OUTPOST_GRAPHX_OUT")
val algorithms = sys.env.getOrElse("OUTPOST_GRAPHX_ALGORITHMS", "components,pagerank,labels").split(",").map(_.trim).toSet
def timed[T](what: String)(body: => T): T = {
  val started = System.nanoTime()
  val result = body
  println(f"graphx: $what took ${(System.nanoTime() - started) / 1e9}%.1f s")
  result
}
val csv = spark.read.option("header", "true").option("multiLine", "true").option("escape", "\"")
val vertexRows = csv.csv(s"$in/vertices.csv").select("vid", "id").rdd.map(r => (r.getString(0).toLong, r.getString(1)))
val edgeRows = csv.csv(s"$in/edges.csv").select("src", "dst").rdd.map(r => Edge(r.getString(0).toLong, r.getString(1).toLong, 1))
val graph = Graph(vertexRows, edgeRows).cache()

def save(rows: org.apache.spark.rdd.RDD[String], name: String, header: String): Unit =
  spark.sparkContext.parallelize(Seq(header) ++ rows.collect().sorted, 1).saveAsTextFile(s"$out/$name")

if (algorithms("components")) timed("connected components") {
  val components = graph.connectedComponents().vertices.join(vertexRows).map { case (_, (component, id)) => s"$id,$component" }
  save(components, "components", "id,component")
}

// Each linked pair once, both ways; vertices without an edge left out.
val pairs = graph.edges.filter(e => e.srcId != e.dstId).map(e => (math.min(e.srcId, e.dstId), math.max(e.srcId, e.dstId))).distinct()
val simpleEdges = pairs.flatMap { case (a, b) => Seq(Edge(a, b, 1), Edge(b, a, 1)) }
val linked = simpleEdges.map(_.srcId).distinct().map(v => (v, ()))
val simple = Graph(vertexRows.join(linked).map { case (v, (id, _)) => (v, id) }, simpleEdges).cache()
if (algorithms("pagerank")) timed("PageRank") {
  val n = simple.vertices.count().toDouble
  val ranks = simple.pageRank(1e-10, 0.15).vertices.join(simple.vertices).map { case (_, (rank, id)) => s"$id,${rank / n}" }
  save(ranks, "pagerank", "id,rank")
}
if (algorithms("labels")) timed("label propagation") {
  val labels = LabelPropagation.run(simple, 5).vertices.join(simple.vertices).map { case (_, (label, id)) => s"$id,$label" }
  save(labels, "labels", "id,label")
}
if (algorithms("pagerank") || algorithms("labels"))
  println(s"graphx: ${graph.vertices.count()} vertices, ${graph.edges.count()} edges; ${simple.vertices.count()} linked vertices, ${pairs.count()} pairs")
else
  println(s"graphx: ${graph.vertices.count()} vertices, ${graph.edges.count()} edges")
System.exit(0)
