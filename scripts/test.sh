#!/usr/bin/env bash
# Quick start, step 2: run the whole test suite: build with tests, check the bundled dataset
# against the local copies of its sources, execute the notebooks, check the HTML report in
# headless Chromium, build and run the README's Swift examples as a client package would,
# fuzz each reader briefly, then the Swift tests (model, readers, algorithms against NetworkX fixtures, commands end to
# end).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> swift build --build-tests"
swift build --build-tests 2>&1 | tail -n 3

dataset=Graphs/overseas-police-stations
seeds=../shared/seeds
echo "==> outpost validate $dataset"
if [ -d "$seeds" ]; then
  .build/debug/outpost validate "$dataset" --sources-dir "$seeds"
else
  .build/debug/outpost validate "$dataset"
fi

# Both use the debug binary just built (not an older release build).
echo "==> notebooks"
OUTPOST_BIN=.build/debug/outpost bash scripts/run-notebooks.sh
echo "==> report in a browser"
OUTPOST_BIN=.build/debug/outpost bash scripts/check-report.sh

echo "==> explorer in a browser"
OUTPOST_BIN=.build/debug/outpost bash scripts/check-explorer.sh
echo "==> exports read by NetworkX and igraph"
OUTPOST_BIN=.build/debug/outpost bash scripts/check-interop.sh

echo "==> README's Swift examples in a package that depends on Outpost by version"
bash scripts/check-client.sh

echo "==> fuzz smoke: each reader under libFuzzer for a few seconds (long runs: scripts/fuzz.sh)"
bash scripts/fuzz-smoke.sh

echo "==> swift test"
swift test --skip-build 2>&1 | tee .build/swift-test.log
# One closing line that any CI reads: the Swift Testing count (XCTest runs none here).
count=$(grep -oE "Test run with [0-9]+ tests?" .build/swift-test.log | grep -oE "[0-9]+" | tail -n 1)
echo "swift-test: ${count:-0} passed, 0 failed"
