#!/usr/bin/env bash
# Fuzzes a reader with libFuzzer: scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags]
#
# TARGET is yaml (DatasetReader on one file, then validation), csv (EdgeListReader), graphml
# (GraphMLReader), gexf, gml, json (GEXFReader, GMLReader, NodeLinkJSONReader, each also as a
# dataset export) or pajek (PajekReader); the targets are Fuzz/TARGET.swift. SECONDS defaults to 60.
#
# The reader modules (OutpostGraph, OutpostIO and Yams with its C library) are built with
# coverage instrumentation and AddressSanitizer into .build-fuzz (kept apart from .build:
# other flags, other objects), then the target is linked with libFuzzer. Each run starts from
# a seed corpus copied from the fixtures (Tests/Fixtures/graphs, Tests/Data) and grows it in
# .build-fuzz/corpus/TARGET; crashes land in .build-fuzz/crashes/TARGET. Neither is in git:
# a crash worth keeping becomes a case of Tests/Data/bad (see its README) and a fix.
#
# Prints the executions run ("fuzz TARGET: N executions in S s, no crash") and exits 1 on a
# crash, a leak or a timeout (a hang of more than 10 s on one input). Fuzz/lsan.supp silences
# one leak inside the toolchain's FoundationXML (not ours; see the file).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh yaml|csv|graphml|gexf|gml|pajek|json [SECONDS] [libFuzzer flags]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
case "$target" in yaml|csv|graphml|gexf|gml|pajek|json) ;; *) echo "unknown target '$target': yaml, csv, graphml, gexf, gml, pajek or json" >&2; exit 64 ;; esac

scratch=.build-fuzz
swift build -c release --scratch-path "$scratch" --target OutpostIO \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -E "error|warning: |Compiling|Build complete" | grep -v "^\[" >&2 || true
release=$scratch/release
[ -f "$release/Modules/OutpostIO.swiftmodule" ] || { echo "fuzz: building the reader modules failed" >&2; exit 1; }
binary=$scratch/fuzz-$target
objects=("$release"/OutpostGraph.build/*.o "$release"/OutpostIO.build/*.o "$release"/Yams.build/*.o "$release"/CYaml.build/src/*.o)
newest=$(ls -t "${objects[@]}" Fuzz/FuzzSupport.swift "Fuzz/$target.swift" | head -1)
if [ ! -x "$binary" ] || [ "$newest" -nt "$binary" ]; then
    swiftc -O -sanitize=fuzzer,address -parse-as-library -I "$release/Modules" \
        -Xcc -fmodule-map-file="$scratch/checkouts/Yams/Sources/CYaml/include/module.modulemap" \
        -Xcc -I"$scratch/checkouts/Yams/Sources/CYaml/include" \
        Fuzz/FuzzSupport.swift "Fuzz/$target.swift" "${objects[@]}" -o "$binary" 2>&1 \
        | grep -v "Cannot export local symbol '__asan" >&2 || true
    [ -x "$binary" ] || { echo "fuzz: linking $binary failed" >&2; exit 1; }
fi

corpus=$scratch/corpus/$target crashes=$scratch/crashes/$target
mkdir -p "$corpus" "$crashes"
case "$target" in
    yaml) seeds=$(find Tests/Data Graphs/overseas-police-stations -name '*.yaml' -size -16k) ;;
    csv) seeds=$(find Tests/Fixtures/graphs Tests/Data -name '*.csv') ;;
    graphml) seeds=$(find Tests/Fixtures/graphs Tests/Data -name '*.graphml' -size -200k) ;;
    gexf) seeds=$(find Tests/Data -name '*.gexf') ;;
    gml) seeds=$(find Tests/Data -name '*.gml') ;;
    pajek) seeds=$(find Tests/Data -name '*.net') ;;
    json) seeds=$(find Tests/Data -name '*.json' -size -200k) ;;
esac
for seed in $seeds; do cp -n "$seed" "$corpus/$(echo "$seed" | tr / _)" 2>/dev/null || true; done

log=$scratch/fuzz-$target.log
set +e
started=$SECONDS
ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$PWD/Fuzz/lsan.supp "$binary" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -max_len="${FUZZ_MAX_LEN:-16384}" -artifact_prefix="$crashes/" -print_final_stats=1 "$@" >"$log" 2>&1
status=$?
elapsed=$((SECONDS - started))
set -e
runs=$(grep -aE '^stat::number_of_executed_units' "$log" | awk '{print $2}')
if [ "$status" -ne 0 ]; then
    grep -aE 'ERROR|SUMMARY|Fatal error|Test unit written' "$log" | head -5 >&2
    echo "fuzz $target: FAILED after ${runs:-?} executions (log: $log)" >&2
    exit 1
fi
# The time taken, not the cap: with -runs=N a run ends when N inputs have been tried.
echo "fuzz $target: ${runs:-?} executions in ${elapsed} s (at most ${seconds} s), no crash"
