#!/usr/bin/env bash
# How fast `outpost explore` pages become interactive, and whether they pan without stalls.
#   bash Benchmarks/explorer.sh              # 5,000-node plain graph and the bundled dataset
#   RUNS=9 NODES=5000 bash Benchmarks/explorer.sh
#
# For each page: the time `outpost explore` takes to write it (Graphviz layout included), then
# RUNS loads in headless Chromium (Debian's chromium, chromium-driver, python3-selenium), each
# from about:blank, reading the page's own `outpost-ready` performance mark (set just before
# `data-ready="true"`) against the navigation's start and against its load event; then a drag
# across the diagram (60 pointer moves) while a requestAnimationFrame recorder notes the gap
# between frames from press to release (a stall is a gap over 50 ms), and the redraw once the
# drag ends (the view box is set then: the frame gaps over 50 ms in the next frames, summed).
# "ready after load event" is negative when the script is done before the load event fires.
# Prints a table and writes
# Benchmarks/results/explorer.md. Timing depends on the machine: not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
NODES=${NODES:-5000}
bin=${OUTPOST_BIN:-.build/release/outpost}
[ -x "$bin" ] || { swift build -c release --product outpost 2>&1 | tail -n 1; bin=.build/release/outpost; }
command -v chromedriver >/dev/null && /usr/bin/python3 -c "import selenium" 2>/dev/null \
  || { echo "needs chromium, chromium-driver and python3-selenium (scripts/setup.sh installs them)" >&2; exit 1; }

out=.build/explorer-bench
mkdir -p "$out" Benchmarks/results
graph=$out/ba-$NODES.csv
# A seeded preferential-attachment graph (m = 2): the shape of the benchmark's BA graphs.
/usr/bin/python3 - "$graph" "$NODES" <<'PY'
import random, sys
path, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(20221205)
ends, edges = [0, 1], [(0, 1)]
for v in range(2, n):
    targets = set()
    while len(targets) < min(2, v):
        targets.add(rng.choice(ends))
    for t in sorted(targets):
        edges.append((v, t)); ends += [v, t]
with open(path, "w") as f:
    f.write("source,target\n")
    f.writelines(f"n{a},n{b}\n" for a, b in edges)
PY

pages=()
for input in "$graph" Graphs/overseas-police-stations; do
  name=$(basename "$input" .csv)
  started=$(date +%s.%N)
  "$bin" explore "$input" -o "$out/$name.html" >/dev/null
  ended=$(date +%s.%N)
  pages+=("$out/$name.html=$(echo "$ended - $started" | bc)")
done

HOME=$PWD/$out /usr/bin/python3 - "$RUNS" "${pages[@]}" <<'PY'
import os, statistics, sys, time
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

runs, pages = int(sys.argv[1]), [p.split("=") for p in sys.argv[2:]]
options = webdriver.ChromeOptions()
for arg in ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,900",
            f"--user-data-dir={os.path.abspath('.build/explorer-bench')}/profile"]:
    options.add_argument(arg)
driver = webdriver.Chrome(options=options)
version = driver.capabilities.get("browserVersion", "?")
rows = []
for path, write_seconds in pages:
    url = "file://" + os.path.abspath(path)
    from_start, from_load = [], []
    for _ in range(runs):
        driver.get("about:blank")
        driver.get(url)
        t = driver.execute_script("""
            const nav = performance.getEntriesByType('navigation')[0];
            const mark = performance.getEntriesByName('outpost-ready')[0];
            return [mark ? mark.startTime : null, nav.loadEventEnd, document.documentElement.dataset.ready,
                    document.querySelectorAll('#view svg [data-id]').length];""")
        if t[0] is None or t[2] != "true":
            sys.exit(f"{path}: the page never set its ready mark")
        from_start.append(t[0]); from_load.append(t[0] - t[1]); nodes = t[3]
    # Pan: drag across the view while recording each animation frame's time; then wait for the
    # redraw that follows the release (the view box is set once the gesture rests).
    driver.execute_script("""
        window.__frames = []; window.__down = null; window.__up = null;
        const svg = document.querySelector('#view svg');
        svg.addEventListener('pointerdown', () => { if (window.__down === null) window.__down = performance.now(); });
        svg.addEventListener('pointerup', () => { if (window.__up === null) window.__up = performance.now(); });
        (function tick(now) { window.__frames.push(now); if (window.__frames.length < 100000) requestAnimationFrame(tick); })(performance.now());""")
    view = driver.find_element(By.ID, "view")
    chain = ActionChains(driver, duration=16).move_to_element(view).click_and_hold()
    for k in range(60):
        chain.move_by_offset(6 if k < 30 else -6, 3 if k % 2 else -3)
    chain.release().perform()
    time.sleep(1.5)
    frames, down, up = driver.execute_script("return [window.__frames, window.__down, window.__up]")
    during = sorted(b - a for a, b in zip(frames, frames[1:]) if a >= down and b <= up)
    after = [b - a for a, b in zip(frames, frames[1:]) if b > up]
    p95 = during[int(0.95 * (len(during) - 1))] if during else float("nan")
    # The redraw after the release: the frame gaps over 50 ms in the second after it, summed.
    redraw = sum(g for g in after[:60] if g > 50)
    rows.append((os.path.basename(path), nodes, float(write_seconds), statistics.median(from_start), min(from_start), max(from_start),
                 statistics.median(from_load), min(from_load), max(from_load), len(during), p95, during[-1] if during else float("nan"),
                 sum(1 for g in during if g > 50), redraw))
driver.quit()

lines = [f"Explorer pages in headless Chromium {version}, {runs} loads each (median, min–max); pan = 60-move drag.", "",
         "| page | nodes | `outpost explore` | ready after navigation start | ready after load event | frames while dragging | p95 frame gap | longest gap | gaps > 50 ms | redraw after release |",
         "|---|---|---|---|---|---|---|---|---|---|"]
for r in rows:
    lines.append(f"| {r[0]} | {r[1]} | {r[2]:.2f} s | {r[3]:.0f} ms ({r[4]:.0f}–{r[5]:.0f}) | {r[6]:.0f} ms ({r[7]:.0f}–{r[8]:.0f}) | {r[9]} | {r[10]:.1f} ms | {r[11]:.1f} ms | {r[12]} | {r[13]:.0f} ms |")
text = "\n".join(lines) + "\n"
print(text)
open("Benchmarks/results/explorer.md", "w").write(text)
PY
