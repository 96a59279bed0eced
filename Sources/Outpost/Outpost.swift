// The umbrella module: `import Outpost` brings the model, the readers and the algorithms.
@_exported import OutpostAlgorithms
@_exported import OutpostGraph
@_exported import OutpostIO
@_exported import OutpostRender
