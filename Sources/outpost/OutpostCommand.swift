import ArgumentParser

@main
struct OutpostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outpost",
        abstract: "Analyse networks of influence, with the evidence behind every link.",
        discussion: """
        PATH is a dataset folder (YAML with sources, entities, relations; see Graphs/FORMAT.md),
        a CSV edge list (header source,target[,weight]) or a GraphML file.

        Examples:
          outpost validate Graphs/overseas-police-stations --sources-dir ../shared/seeds
          outpost stats Graphs/overseas-police-stations
          outpost find Graphs/overseas-police-stations rotterdam
          outpost show Graphs/overseas-police-stations station-rotterdam --format json
          outpost path Graphs/overseas-police-stations station-rotterdam fuzhou-psb --explain
          outpost ego Graphs/overseas-police-stations fuzhou-psb --radius 2 -o fuzhou.graphml
          outpost project Graphs/overseas-police-stations --onto public-security-bureau --via police-station
          outpost render Graphs/overseas-police-stations -o stations.svg --cluster-by country
          outpost communities Graphs/overseas-police-stations --algorithm leiden
          outpost report Graphs/overseas-police-stations -o report.html --path station-rotterdam fuzhou-psb

        Exit codes: 0 success; 1 the input has problems (validation errors, unreadable file,
        unknown entity); 64 the command line is wrong (unknown option, bad value).
        """,
        version: "0.1.0",
        subcommands: [Validate.self, Stats.self, Show.self, Find.self, Centrality.self, Structure.self,
                      PathCommand.self, Ego.self, Project.self, Communities.self, Render.self, Report.self]
    )
}
