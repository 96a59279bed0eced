// The umbrella module: `import Outpost` brings the model, the readers, the algorithms, the
// analyses (evidence paths, summaries, coverage), diagrams and the report.
@_exported import OutpostAlgorithms
@_exported import OutpostAnalysis
@_exported import OutpostGraph
@_exported import OutpostIO
@_exported import OutpostRender
@_exported import OutpostReport
