#!/usr/bin/env bash
# Browser check of `outpost report`: makes the report for the bundled dataset, renders it in
# headless Chromium to a PNG and checks the picture is not blank, then dumps the DOM Chromium
# built and checks every section heading is there, and (WebDriver) that every figure text is
# drawn at 8 CSS px or more at 1280 px. Installs chromium, chromium-driver and selenium when missing
# (needs root). Leaves the report, the screenshot and the DOM in .build/report-check/.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/browser-check-lib.sh
need_browser
find_outpost

out=.build/report-check
rm -rf "$out"
mkdir -p "$out"
report=$PWD/$out/report.html
echo "==> $bin report Graphs/overseas-police-stations"
"$bin" report Graphs/overseas-police-stations -o "$report" \
  --path station-rotterdam fuzhou-psb --path america-changle-association-ny persuasion-to-return

# Chromium wants a writable profile and home; keep both inside the check folder.
profile=$PWD/$out/profile
chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
        --disable-extensions --disable-background-networking --user-data-dir="$profile")

echo "==> screenshot (1280x4000)"
HOME=$profile timeout 120 "${chrome[@]}" --screenshot="$PWD/$out/report.png" --window-size=1280,4000 "file://$report" \
  >"$out/chromium-screenshot.log" 2>&1 || { cat "$out/chromium-screenshot.log"; exit 1; }
echo "==> DOM dump"
HOME=$profile timeout 120 "${chrome[@]}" --dump-dom "file://$report" >"$out/dom.html" 2>"$out/chromium-dom.log" \
  || { cat "$out/chromium-dom.log"; exit 1; }

python3 - "$out/report.png" "$out/dom.html" <<'PY'
import re, struct, sys, zlib

def decode_png(path):
    """Decodes an 8-bit RGB/RGBA/grey PNG (what Chromium writes) into rows of bytes."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    if depth != 8 or interlace != 0 or colour not in (0, 2, 4, 6):
        sys.exit(f"{path}: unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, i = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1: line[x] = (line[x] + a) & 255
            elif kind == 2: line[x] = (line[x] + b) & 255
            elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line)); previous = line
    return width, height, channels, rows

png, dom = sys.argv[1], sys.argv[2]
width, height, channels, rows = decode_png(png)
colours, inked_rows = set(), 0
for row in rows[::4]:
    pixels = {row[x:x + channels] for x in range(0, len(row), channels * 2)}
    colours |= pixels
    if len(pixels) > 1: inked_rows += 1
print(f"screenshot: {width}x{height}, {len(colours)} distinct colours in the sample, {inked_rows} of {len(rows[::4])} sampled rows not blank")
if len(colours) < 50 or inked_rows < len(rows[::4]) // 4:
    sys.exit("the screenshot looks blank")

text = open(dom, encoding="utf-8").read()
headings = ["Overseas police service stations", "Contents", "Summary", "Evidence status",
            "Coverage against published totals", "Stations by country and jurisdiction",
            "The whole network", "Centrality", "Degree", "Betweenness", "PageRank", "Communities",
            "Explained paths", "Rotterdam station → Fuzhou Public Security Bureau", "Sources"]
found = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", text, re.S)]
missing = [h for h in headings if h not in found]
if missing:
    sys.exit(f"headings missing from the DOM: {missing}\nfound: {found}")
if re.search(r"<script", text, re.I):
    sys.exit("the DOM holds a script element")
if "<svg" not in text:
    sys.exit("the DOM holds no inline SVG")
print(f"DOM: {len(found)} headings, all {len(headings)} expected ones present; inline SVG present; no script")
PY
echo "==> figure text at 1280 px (every SVG text at 8 CSS px or more)"
HOME=$profile /usr/bin/python3 - "$report" "$out" <<'PY'
import os, sys
from selenium import webdriver
report, out = sys.argv[1], sys.argv[2]
options = webdriver.ChromeOptions()
for arg in ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", f"--user-data-dir={os.path.abspath(out)}/profile-text"]:
    options.add_argument(arg)
driver = webdriver.Chrome(options=options)
driver.get("file://" + report)
# Each text's font size (user units) times its scale on screen (the SVG's viewBox and any
# transform), in CSS px; figures wider than the column scroll in their box, at this size.
sizes = driver.execute_script("""
    return Array.from(document.querySelectorAll('svg text'), (t) => {
        const m = t.getScreenCTM(), size = parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize);
        return [t.closest('svg').parentElement.id || t.closest('figure')?.querySelector('figcaption')?.textContent?.slice(0, 40) || '?', size * Math.hypot(m.a, m.b), t.textContent.slice(0, 30)];
    });""")
# A click on an entity in the whole-network figure goes to its entry in the Entities section.
link = driver.execute_script("""
    const a = Array.from(document.querySelectorAll('#network svg a')).find((a) => (a.getAttribute('xlink:href') || a.getAttribute('href') || '').startsWith('#entity-'));
    if (!a) return null;
    a.scrollIntoView({block: 'center'});
    return [a.getAttribute('xlink:href') || a.getAttribute('href'), a.closest('g.node').querySelector('title').textContent];""")
if not link:
    sys.exit("no entity in the whole-network figure links to an entry")
from selenium.webdriver.common.by import By
target, node = link
driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}))",
                      driver.find_element(By.CSS_SELECTOR, f'#network svg a[*|href="{target}"]'))
landed = driver.execute_script("""
    const t = document.querySelector(location.hash);
    if (!t) return null;
    const r = t.getBoundingClientRect();
    return [location.hash, t.closest('section').id, t.querySelector('span.id').textContent, r.top, window.innerHeight];""", )
driver.quit()
if not landed or landed[0] != target or landed[1] != "entities" or landed[2] != node or not (-2 <= landed[3] < landed[4]):
    sys.exit(f"clicking {node} ({target}) landed at {landed}")
print(f"clicking {node} in the whole-network figure shows its entry {target}")
if not sizes:
    sys.exit("no SVG text in the report")
small = [s for s in sizes if s[1] < 8 - 0.01]  # figures are sized to exactly 8 px; allow rounding
figures = len({s[0] for s in sizes})
print(f"{len(sizes)} texts in {figures} figure(s); smallest {min(s[1] for s in sizes):.1f} px")
if small:
    sys.exit(f"{len(small)} text(s) under 8 CSS px, e.g. {small[:3]}")
PY
echo "report check: ok ($out/report.png)"
