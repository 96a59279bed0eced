#!/usr/bin/env bash
# A short fuzz of every reader, about 30 s in all (10 s a target, after the first build):
# for scripts/test.sh. The long runs are scripts/fuzz.sh TARGET SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."
for target in yaml csv graphml; do
    scripts/fuzz.sh "$target" "${FUZZ_SMOKE_SECONDS:-10}"
done
