#!/usr/bin/env bash
# Quick start, step 1: install what Outpost needs, build it, and run the main job on the
# bundled dataset. Run as root on a fresh Debian 12 machine with Swift 6.x on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-noto-cjk: Chinese (and Japanese, Korean) names in figures, beside DejaVu's Latin and
# Cyrillic (DiagramStyle.fontName). python3-venv: scripts/run-notebooks.sh and check-interop.sh;
# chromium: check-report.sh; chromium-driver and python3-selenium: check-explorer.sh.
apt_packages=(libgraphviz-dev pkg-config fonts-dejavu-core fonts-noto-cjk python3-venv chromium chromium-driver python3-selenium)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "==> installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "==> building (release)"
swift build -c release --product outpost 2>&1 | tail -n 3

dataset=Graphs/overseas-police-stations
seeds=../shared/seeds
echo "==> outpost validate $dataset"
if [ -d "$seeds" ]; then
  .build/release/outpost validate "$dataset" --sources-dir "$seeds"
else
  .build/release/outpost validate "$dataset"
fi
echo "==> outpost stats $dataset"
.build/release/outpost stats "$dataset"

# The main job: the report and the whole-network figure, files a person can open.
out=out
mkdir -p "$out"
echo "==> outpost report $dataset -o $out/report.html"
.build/release/outpost report "$dataset" -o "$out/report.html" \
  --path station-rotterdam fuzhou-psb --path america-changle-association-ny persuasion-to-return
echo "==> outpost render $dataset -o $out/network.svg"
.build/release/outpost render "$dataset" -o "$out/network.svg"
echo "==> outpost explore $dataset -o $out/explorer.html"
.build/release/outpost explore "$dataset" -o "$out/explorer.html"
echo "==> done: open $out/report.html (the report), $out/explorer.html (the network to browse, with every citation) and $out/network.svg (the network layer drawn whole)"
