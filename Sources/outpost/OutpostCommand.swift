import ArgumentParser

@main
struct OutpostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outpost",
        abstract: "Analyse networks of influence, with the evidence behind every link.",
        discussion: """
        PATH is a dataset folder (YAML; see Graphs/FORMAT.md), a CSV edge list
        (header source,target[,weight]) or a GraphML file.

        Examples (D=Graphs/overseas-police-stations):
          outpost validate $D --sources-dir ../shared/seeds
          outpost stats $D
          outpost find $D rotterdam
          outpost show $D station-rotterdam --format json
          outpost centrality $D --measure betweenness --top 10
          outpost communities $D --algorithm leiden
          outpost path $D station-rotterdam fuzhou-psb --explain
          outpost ego $D fuzhou-psb --radius 2 -o fuzhou.graphml
          outpost project $D --onto public-security-bureau --via police-station
          outpost render $D -o stations.svg --cluster-by country
          outpost report $D -o report.html --path station-rotterdam fuzhou-psb
          outpost explore $D -o explorer.html
          outpost export $D -o all.graphml

        Exit codes: 0 success; 1 the input has problems (validation errors,
        unreadable file, unknown entity, find without a match); 64 the command
        line is wrong.
        """,
        version: "0.1.0",
        subcommands: [Validate.self, Stats.self, Show.self, Find.self, Centrality.self, Structure.self,
                      PathCommand.self, Ego.self, Export.self, Import.self, Project.self, Communities.self, Render.self, ReportCommand.self,
                      Explore.self]
    )
}
