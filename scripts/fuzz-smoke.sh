#!/usr/bin/env bash
# A short fuzz of every reader, about 30 s in all (4 s a target, after the first build):
# for scripts/test.sh. The long runs are scripts/fuzz.sh TARGET SECONDS. The smoke runs with a
# fixed seed, so that a test run explores the same inputs each time (what a long run finds
# becomes a catalogue case in Tests/Data/bad and a fix).
set -euo pipefail
cd "$(dirname "$0")/.."
for target in yaml csv graphml gexf gml pajek json; do
    scripts/fuzz.sh "$target" "${FUZZ_SMOKE_SECONDS:-4}" -seed="${FUZZ_SMOKE_SEED:-1}"
done
