#!/usr/bin/env bash
# Browser check of `outpost explore`: drives the page in headless Chromium through WebDriver
# (Debian's chromium, chromium-driver and python3-selenium) as a reader would, and compares
# the page's paths with `outpost path --all --format json`. Loads a dataset whose names and
# excerpts hold markup (Tests/Data/hostile) and checks nothing executes and nothing is fetched.
# Leaves the pages and screenshots (desktop and phone width) in .build/explorer-check/.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/browser-check-lib.sh
need_browser
find_outpost

out=.build/explorer-check
rm -rf "$out"
mkdir -p "$out"
D=Graphs/overseas-police-stations
"$bin" explore "$D" -o "$out/explorer.html"
"$bin" explore Tests/Data/hostile -o "$out/hostile.html"
# The pairs whose paths the page must find as `outpost path` does (every shortest path).
pairs=("station-rotterdam fuzhou-psb" "station-porto station-rotterdam" "station-dublin station-rotterdam" "america-changle-association-ny persuasion-to-return" "station-dublin fuzhou-psb")
for pair in "${pairs[@]}"; do
  read -r a b <<<"$pair"
  "$bin" path "$D" "$a" "$b" --all --format json >"$out/path-$a-$b.json" || echo '{"paths": []}' >"$out/path-$a-$b.json"
done

HOME=$PWD/$out /usr/bin/python3 - "$out" "${pairs[@]}" <<'PY'
import json, os, sys
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

out, pairs = sys.argv[1], [p.split() for p in sys.argv[2:]]
failures = []
def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok: failures.append(what)

options = webdriver.ChromeOptions()
for arg in ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1400,900",
            f"--user-data-dir={os.path.abspath(out)}/profile"]:
    options.add_argument(arg)
options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
driver = webdriver.Chrome(options=options)
url = "file://" + os.path.abspath(out) + "/explorer.html"

def load(address):
    driver.get("about:blank")
    driver.get(address)
    ready = driver.execute_script("return document.documentElement.dataset.ready")
    check(ready == "true", f"ready flag set ({address.rsplit('/', 1)[-1]})")

def counts():
    c = driver.find_element(By.ID, "counts")
    return int(c.get_attribute("data-entities")), int(c.get_attribute("data-relations"))

def requests():
    """Every request the page made beyond its own file."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return [u for u in urls if u.split(":", 1)[0] in ("http", "https", "ws", "wss", "ftp")]

def console_errors():
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]

def view_width():
    return driver.execute_script("return document.querySelector('#view svg').viewBox.baseVal.width")

def inside_view(node_id):
    """Whether the node is drawn inside the visible diagram."""
    return driver.execute_script("""
        const n = document.querySelector('[data-id="' + arguments[0] + '"]').getBoundingClientRect();
        const v = document.getElementById('view').getBoundingClientRect();
        return n.width > 0 && n.left >= v.left && n.right <= v.right && n.top >= v.top && n.bottom <= v.bottom;""", node_id)

load(url)
whole = view_width()
nodes = driver.find_elements(By.CSS_SELECTOR, "#view svg [data-id]")
check(len(nodes) > 200, f"nodes carry data-id ({len(nodes)})")
# Each drawn edge is the relation the page's data says it is: its Graphviz title names the
# relation's two ends (a shifted numbering once pointed relations at legend lines' neighbours).
wrong = driver.execute_script("""
    const data = JSON.parse(document.getElementById('explorer-data').textContent);
    const bad = [];
    document.querySelectorAll('#view svg [data-relation]').forEach((g) => {
        const r = data.relations[+g.dataset.relation], ends = g.querySelector('title').textContent.split(/--|->/);
        if (!(ends.length === 2 && new Set(ends).size === new Set([r.from, r.to]).size && ends.every((e) => e === r.from || e === r.to))) bad.push(g.id);
    });
    return [bad, document.querySelectorAll('#view svg [data-relation]').length];""")
check(not wrong[0] and wrong[1] > 250, f"every drawn edge is its relation ({wrong[1]} edges, mismatched: {wrong[0][:5]})")

# Click station-rotterdam: its relations to Fuzhou and Lishui with statuses and excerpts.
driver.find_element(By.CSS_SELECTOR, '[data-id="station-rotterdam"]').click()
details = driver.find_element(By.ID, "details").text
check("Rotterdam" in details, "details name the station")
check("Fuzhou Public Security Bureau" in details and "Lishui" in details, "details list the relations to Fuzhou and Lishui")
check("disputed" in details and "The Rotterdam station was set up this year by police from Fuzhou" in details,
      "details show statuses and excerpts")
check(len(driver.find_elements(By.CSS_SELECTOR, "#details blockquote")) >= 2, "details quote every citation")
check("node=station-rotterdam" in driver.current_url, "selection in the fragment")

# Search: accents and case ignored, Enter picks the first hit.
for text in ["ROTTERDAM", "rötterdam"]:
    box = driver.find_element(By.ID, "search")
    box.clear(); box.send_keys(text); box.send_keys(Keys.ENTER)
    check(driver.find_element(By.CSS_SELECTOR, "#details h2").text == "Rotterdam station", f"search {text!r} selects Rotterdam")
check(view_width() <= 1000 and inside_view("station-rotterdam"),
      f"search zooms to the station at a readable scale (view {view_width():.0f} of {whole:.0f} units wide)")
driver.save_screenshot(f"{out}/readme.png")  # docs/explorer.png in the README is this picture
box.clear(); box.send_keys("fuzhou police"); box.send_keys(Keys.ENTER)
check("Fuzhou" in driver.find_element(By.CSS_SELECTOR, "#details h2").text, "search finds an alias")

# Status filter and as-of change the counts.
all_counts = counts()
driver.find_element(By.CSS_SELECTOR, 'input[name=status][value=reported]').click()
check(counts()[1] < all_counts[1], f"unticking reported hides relations {all_counts} -> {counts()}")
driver.find_element(By.CSS_SELECTOR, 'input[name=status][value=reported]').click()
check(counts() == all_counts, "ticking it again restores them")
driver.find_element(By.ID, "as-of").send_keys("2019")
hidden = counts()[1]
check(hidden < all_counts[1], f"as of 2019 hides later relations ({all_counts[1]} -> {hidden})")
driver.find_element(By.ID, "as-of").clear()
driver.find_element(By.ID, "as-of").send_keys(" ")
driver.find_element(By.ID, "as-of").clear()

# Paths match `outpost path --all` (as sets of node sequences).
for a, b in pairs:
    driver.get("about:blank"); driver.get(url)
    f = driver.find_element(By.ID, "path-from"); t = driver.find_element(By.ID, "path-to")
    f.send_keys(a); t.send_keys(b); t.send_keys(Keys.ENTER)
    page = sorted(e.get_attribute("data-nodes") for e in driver.find_elements(By.CSS_SELECTOR, "#path-result article.path"))
    cli = sorted(" ".join(p["nodes"]) for p in json.load(open(f"{out}/path-{a}-{b}.json"))["paths"])
    check(page == cli and page, f"path {a} -> {b}: page {len(page)} path(s), outpost path {len(cli)}")
    if a == "station-rotterdam" and b == "fuzhou-psb":
        check("“" in driver.find_element(By.ID, "path-result").text, "path result quotes the citations")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#view .edge.hl")) >= 1, "path highlighted in the diagram")
        check(view_width() < whole and inside_view(a) and inside_view(b), "the view zooms to the path")

# Permalink restores selection, filters and path.
driver.get("about:blank")
driver.get(url + "#node=fuzhou-psb&hide-status=denied&as-of=2022-10&from=station-rotterdam&to=fuzhou-psb")
check(driver.find_element(By.CSS_SELECTOR, "#details h2").text == "Fuzhou Public Security Bureau", "permalink restores the selection")
check(not driver.find_element(By.CSS_SELECTOR, "input[name=status][value=denied]").is_selected(), "permalink restores the status filter")
check(driver.find_element(By.ID, "as-of").get_attribute("value") == "2022-10", "permalink restores the date")
check(len(driver.find_elements(By.CSS_SELECTOR, "#path-result article.path")) >= 1, "permalink restores the path")

# A drag pans by what the pointer moved and the wheel zooms about the pointer, also once the
# gesture rests and the view box takes over from the transform shown while it ran.
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
import time
driver.get("about:blank"); driver.get(url)
def centre_of(node_id):
    return driver.execute_script("""const r = document.querySelector('[data-id="' + arguments[0] + '"]').getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2];""", node_id)
def svg_point(x, y):
    return driver.execute_script("""const svg = document.querySelector("#view svg"); let p = svg.createSVGPoint();
        p.x = arguments[0]; p.y = arguments[1]; p = p.matrixTransform(svg.getScreenCTM().inverse()); return [p.x, p.y];""", x, y)
view = driver.find_element(By.ID, "view")
before = centre_of("fuzhou-psb")
ActionChains(driver).move_to_element(view).click_and_hold().move_by_offset(30, 0).move_by_offset(30, 20).release().perform()
after = centre_of("fuzhou-psb")
check(abs(after[0] - before[0] - 60) < 1.5 and abs(after[1] - before[1] - 20) < 1.5 and not driver.execute_script(
    "return document.querySelector('#view svg').style.transform"), f"a drag pans by the pointer's move ({before} -> {after})")
r = view.rect
cursor = (r["x"] + r["width"] / 2 + 40, r["y"] + r["height"] / 2 - 30)
under = svg_point(*cursor)
width = view_width()
ActionChains(driver).scroll_from_origin(ScrollOrigin.from_element(view, 40, -30), 0, -300).perform()
time.sleep(0.4)
check(view_width() < width * 0.8 and all(abs(a - b) < 0.02 * width for a, b in zip(svg_point(*cursor), under)),
      f"the wheel zooms in about the pointer (width {width:.0f} -> {view_width():.0f}, point {under} -> {svg_point(*cursor)})")

# Keyboard zoom and fit change the view box.
view = driver.find_element(By.ID, "view"); view.click()
before = driver.execute_script("return document.querySelector('#view svg').getAttribute('viewBox')")
view.send_keys("+")
after = driver.execute_script("return document.querySelector('#view svg').getAttribute('viewBox')")
check(before != after, "+ zooms")
view.send_keys("0")
driver.save_screenshot(f"{out}/desktop.png")
check(not console_errors(), f"no console errors {console_errors()}")
extra = requests()
check(not extra, f"no network requests {extra[:3]}")

# Phone width.
driver.set_window_size(390, 844)
driver.get("about:blank"); driver.get(url + "#node=station-rotterdam")
driver.save_screenshot(f"{out}/phone.png")
width = driver.execute_script("return document.documentElement.scrollWidth")
check(width <= 400, f"no sideways scrolling at phone width ({width}px)")
driver.set_window_size(1400, 900)

# Hostile data: no markup, no script runs, nothing fetched.
load("file://" + os.path.abspath(out) + "/hostile.html")
driver.find_element(By.CSS_SELECTOR, '[data-id="evil-one"]').click()
check(driver.execute_script("return window.pwned === undefined"), "no hostile script ran")
check(len(driver.find_elements(By.CSS_SELECTOR, "body script")) == 2, "no script element was added")
check(not driver.find_elements(By.CSS_SELECTOR, "#details img, #details svg, #details b, #details i, #side a[href^=javascript]"),
      "no markup from the data in the panel")
text = driver.find_element(By.ID, "details").text
check("<script>window.pwned=4</script> One" in text and "</script><svg onload=window.pwned=6>" in text, f"hostile names shown as text: {text[:300]!r}")
search = driver.find_element(By.ID, "search"); search.send_keys("</script"); search.send_keys(Keys.ENTER)
check(driver.execute_script("return window.pwned === undefined"), "searching hostile text runs nothing")
check(not requests(), "hostile page fetched nothing")
check(not console_errors(), f"no console errors on the hostile page {console_errors()}")
driver.quit()
if failures:
    sys.exit(f"{len(failures)} explorer check(s) failed")
print("explorer checks passed; screenshots in", out)
PY
