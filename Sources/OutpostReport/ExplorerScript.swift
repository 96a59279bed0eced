// The explorer's script, embedded in every page `Explorer` writes. Keep it small and readable:
// it only reacts (Graphviz laid the diagram out) and writes data with textContent only.
extension ExplorerAssets {
    /// The page's one script (its SHA-256 is in the Content-Security-Policy).
    public static let script = #"""
"use strict";
// Outpost explorer: draws nothing itself (Graphviz laid the diagram out); pans, zooms,
// selects, searches, filters and finds paths. Data text is only ever set with textContent.
(function () {
  const data = JSON.parse(document.getElementById("explorer-data").textContent);
  const svg = document.querySelector("#view svg");
  const $ = (id) => document.getElementById(id);
  const entities = data.entities, relations = data.relations;
  const indexOf = new Map(entities.map((e, k) => [e.id, k]));
  const nodeEl = entities.map((e, k) => document.getElementById("n-" + k));
  const edgeEl = relations.map((r, k) => document.getElementById("e-" + k));
  nodeEl.forEach((el, k) => { if (el) el.dataset.id = entities[k].id; });
  edgeEl.forEach((el, k) => { if (el) el.dataset.relation = String(k); });

  // --- Small helpers -------------------------------------------------------------------
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  const fold = (s) => String(s || "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const statusOf = (r) => r.status || "(none)";
  const layerOf = (r) => r.layer || "(none)";
  const kindOf = (e) => e.kind || "(none)";
  const countryOf = (e) => e.country || "(none)";
  const uniq = (xs) => Array.from(new Set(xs)).sort();

  // --- Filters ---------------------------------------------------------------------------
  const groups = {
    status: { box: "filter-status", values: uniq(relations.map(statusOf)) },
    layer: { box: "filter-layer", values: uniq(relations.map(layerOf)) },
    kind: { box: "filter-kind", values: uniq(entities.map(kindOf)) },
    country: { box: "filter-country", values: uniq(entities.map(countryOf)) },
  };
  for (const [name, g] of Object.entries(groups)) {
    const box = $(g.box);
    if (g.values.length < 2 && name !== "status") { box.hidden = true; }
    for (const v of g.values) {
      const label = el("label");
      const input = document.createElement("input");
      input.type = "checkbox"; input.name = name; input.value = v; input.checked = true;
      input.addEventListener("change", update);
      label.append(input, " " + v);
      box.append(label);
    }
  }
  const checked = (name) => new Set(Array.from(document.querySelectorAll("input[name=" + name + "]:checked"), (i) => i.value));

  // A partial date covers its period: [first day, last day] as yyyymmdd numbers.
  function period(text) {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
    if (!m) return null;
    const y = +m[1], mo = m[2] ? +m[2] : null, d = m[3] ? +m[3] : null;
    const lastMonth = mo || 12;
    const lastDay = d || new Date(Date.UTC(y, lastMonth, 0)).getUTCDate();
    return [y * 10000 + (mo || 1) * 100 + (d || 1), y * 10000 + lastMonth * 100 + lastDay];
  }
  const holds = (r, p) => !p || ((r.lo === null || r.lo <= p[1]) && (r.hi === null || r.hi >= p[0]));

  let visibleNode = [], visibleRelation = [];
  function computeVisible() {
    const st = checked("status"), ly = checked("layer"), kd = checked("kind"), ct = checked("country");
    const asOf = $("as-of").value.trim(), p = asOf ? period(asOf) : null;
    $("as-of").classList.toggle("bad", !!asOf && !p);
    visibleNode = entities.map((e) => kd.has(kindOf(e)) && ct.has(countryOf(e)));
    visibleRelation = relations.map((r) => st.has(statusOf(r)) && ly.has(layerOf(r)) && holds(r, p) &&
      visibleNode[indexOf.get(r.from)] && visibleNode[indexOf.get(r.to)]);
  }

  // --- Pan and zoom on the viewBox -------------------------------------------------------
  const base = svg.viewBox.baseVal;
  const full = { x: base.x, y: base.y, w: base.width, h: base.height };
  let box = Object.assign({}, full);
  svg.removeAttribute("width"); svg.removeAttribute("height");
  function apply() { svg.setAttribute("viewBox", [box.x, box.y, box.w, box.h].join(" ")); }
  function fit() { settle(); box = Object.assign({}, full); apply(); }

  // While the reader drags or turns the wheel, the diagram moves as one composited layer (a CSS
  // transform: scale s about the element's top-left corner, then translate tx, ty in pixels);
  // the viewBox, whose change redraws every element, is set once the gesture rests. Setting it
  // on every pointer move redrew a 5,000-node diagram at about two frames a second.
  let live = null, settleTimer = 0;
  function moveLive(s, tx, ty) {
    if (!live) live = { s: 1, tx: 0, ty: 0 };
    live.s = s; live.tx = tx; live.ty = ty;
    svg.style.transform = "translate(" + tx + "px," + ty + "px) scale(" + s + ")";
  }
  function settle() {
    clearTimeout(settleTimer);
    if (!live) return;
    // The viewBox that shows what the transform shows. With "meet", k SVG units per pixel and
    // the letterbox offset (ox, oy) stay as they are when w and h both shrink by s.
    const rw = svg.clientWidth, rh = svg.clientHeight;
    const k = Math.max(box.w / rw, box.h / rh), ox = (rw - box.w / k) / 2, oy = (rh - box.h / k) / 2;
    const s = live.s;
    box = { x: box.x + k * (ox * (1 - s) - live.tx) / s, y: box.y + k * (oy * (1 - s) - live.ty) / s, w: box.w / s, h: box.h / s };
    live = null; svg.style.transform = "";
    apply();
  }
  function zoom(factor, cx, cy) {
    settle();
    if (cx === undefined) { cx = box.x + box.w / 2; cy = box.y + box.h / 2; }
    const w = Math.min(full.w * 4, Math.max(full.w / 200, box.w / factor));
    const f = w / box.w;
    box = { x: cx - (cx - box.x) * f, y: cy - (cy - box.y) * f, w: w, h: box.h * f };
    apply();
  }
  function toSVG(clientX, clientY) {
    const pt = svg.createSVGPoint(); pt.x = clientX; pt.y = clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse());
  }
  // Zooms to the elements (a node and its neighbours, or a path) with a margin, no closer than
  // a 480-unit-wide box, so that they and their labels fill the view. Where they spread wider
  // than `widest` units (a hub's neighbours across the whole layout), the view keeps a readable
  // scale and centres on `centre` (the selected node) instead.
  const widest = 1000;
  function focusOn(elements, centre) {
    settle();
    const bounds = (list) => {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const e of list) {
        const r = e.getBoundingClientRect();
        const a = toSVG(r.left, r.top), b = toSVG(r.right, r.bottom);
        x0 = Math.min(x0, a.x); y0 = Math.min(y0, a.y); x1 = Math.max(x1, b.x); y1 = Math.max(y1, b.y);
      }
      return { x0, y0, x1, y1 };
    };
    let b = bounds(elements);
    if (!(b.x1 > b.x0)) return;
    let w = Math.max(480, (b.x1 - b.x0) * 1.15), h = Math.max(480 * 0.6, (b.y1 - b.y0) * 1.15);
    if (centre && (w > widest || h > widest)) {
      b = bounds([centre]); w = widest; h = widest * 0.6;
    }
    box = { x: (b.x0 + b.x1 - w) / 2, y: (b.y0 + b.y1 - h) / 2, w: w, h: h }; apply();
  }
  function neighbourhood(k) {
    const ks = new Set([k]);
    relations.forEach((r, i) => {
      if (!visibleRelation[i]) return;
      const a = indexOf.get(r.from), b = indexOf.get(r.to);
      if (a === k) ks.add(b); else if (b === k) ks.add(a);
    });
    return Array.from(ks, (j) => nodeEl[j]).filter(Boolean);
  }
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const now = live || { s: 1, tx: 0, ty: 0 }, r = svg.getBoundingClientRect();
    // The pointer in pixels from the untransformed corner; the same zoom limits as zoom().
    const cx = ev.clientX - (r.left - now.tx), cy = ev.clientY - (r.top - now.ty);
    const wanted = now.s * Math.exp(-ev.deltaY * (ev.deltaMode ? 0.05 : 0.002));
    const s = Math.min(box.w / (full.w / 200), Math.max(box.w / (full.w * 4), wanted)), f = s / now.s;
    moveLive(s, f * (now.tx - cx) + cx, f * (now.ty - cy) + cy);
    clearTimeout(settleTimer); settleTimer = setTimeout(settle, 150);
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (ev) => { drag = { x: ev.clientX, y: ev.clientY, moved: false }; });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag || !(ev.buttons & 1)) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moved) { svg.setPointerCapture(ev.pointerId); }
    drag.moved = true;
    const now = live || { s: 1, tx: 0, ty: 0 };
    moveLive(now.s, now.tx + dx, now.ty + dy); drag.x = ev.clientX; drag.y = ev.clientY;
  });
  svg.addEventListener("pointerup", () => { settle(); setTimeout(() => { drag = null; }, 0); });
  $("view").addEventListener("keydown", (ev) => {
    const step = 0.1;
    const keys = {
      "+": () => zoom(1.25), "=": () => zoom(1.25), "-": () => zoom(0.8), "0": fit,
      ArrowLeft: () => { box.x -= box.w * step; apply(); }, ArrowRight: () => { box.x += box.w * step; apply(); },
      ArrowUp: () => { box.y -= box.h * step; apply(); }, ArrowDown: () => { box.y += box.h * step; apply(); },
    };
    if (keys[ev.key] && ev.target === $("view")) { ev.preventDefault(); settle(); keys[ev.key](); }
  });
  $("zoom-in").addEventListener("click", () => zoom(1.25));
  $("zoom-out").addEventListener("click", () => zoom(0.8));
  $("fit").addEventListener("click", fit);

  // --- Details of one entity -------------------------------------------------------------
  let selected = null;
  function entityLine(id) {
    const k = indexOf.get(id);
    return k === undefined ? id : entities[k].name;
  }
  function when(r) {
    if (r.date) return r.date;
    if (r.start || r.end) return (r.start || "…") + " – " + (r.end || "");
    return null;
  }
  function citationList(r) {
    const ul = el("ul", null, "citations");
    for (const c of r.cite) {
      const li = el("li");
      const s = data.sources[c.source];
      const head = el("p", null, "source");
      head.append(el("cite", s ? s.title : c.source));
      const about = s ? [s.publisher, s.date].filter(Boolean).join(" · ") : "";
      if (about) head.append(" · " + about);
      if (s && s.url) {
        const a = el("a", "link");
        a.href = s.url; a.rel = "noreferrer noopener"; a.target = "_blank";
        head.append(" · ", a);
      }
      li.append(head, el("blockquote", "“" + c.excerpt + "”"));
      ul.append(li);
    }
    return ul;
  }
  function relationItem(r, from) {
    const li = el("li", null, "relation");
    const p = el("p");
    const other = r.from === from ? r.to : r.from;
    const arrow = !r.directed ? "—" : r.from === from ? "→" : "←";
    p.append(arrow + " ", el("strong", r.type || "edge"), " ", el("span", entityLine(other), "other"));
    if (r.status) p.append(" ", el("span", r.status, "status status-" + r.status));
    if (r.layer) p.append(" ", el("span", r.layer, "layer"));
    const w = when(r); if (w) p.append(" ", el("span", w, "when"));
    if (r.by.length) p.append(" ", el("span", "by " + r.by.map(entityLine).join(", "), "by"));
    li.append(p);
    if (r.note) li.append(el("p", "Note: " + r.note, "note"));
    li.append(citationList(r));
    return li;
  }
  function showDetails(k) {
    const box = $("details");
    box.replaceChildren();
    if (k === null) { box.append(el("p", "Click a node to read its relations and their sources.", "hint")); return; }
    const e = entities[k];
    box.append(el("h2", e.name));
    const dl = el("dl");
    const add = (t, v) => { if (v) { dl.append(el("dt", t), el("dd", v)); } };
    add("id", e.id); add("kind", e.kind); add("aliases", e.aliases.join("; ")); add("country", e.country); add("city", e.city);
    box.append(dl);
    if (e.cite.length) { box.append(el("h3", "Sources for the entity")); box.append(citationList(e)); }
    const mine = relations.map((r, i) => i).filter((i) => visibleRelation[i] && (relations[i].from === e.id || relations[i].to === e.id));
    box.append(el("h3", mine.length + " relation" + (mine.length === 1 ? "" : "s") + " shown"));
    const ul = el("ul", null, "relations");
    for (const i of mine) ul.append(relationItem(relations[i], e.id));
    box.append(ul);
  }
  function select(k, centre) {
    if (selected !== null && nodeEl[selected]) nodeEl[selected].classList.remove("sel");
    selected = k;
    if (k !== null && nodeEl[k]) { nodeEl[k].classList.add("sel"); if (centre) focusOn(neighbourhood(k), nodeEl[k]); }
    showDetails(k);
    writeHash();
  }
  svg.addEventListener("click", (ev) => {
    if (drag && drag.moved) return;
    const g = ev.target.closest("[data-id]");
    if (g) select(indexOf.get(g.dataset.id), false);
  });

  // --- Search ----------------------------------------------------------------------------
  const haystack = entities.map((e) => [e.id, e.name, e.city].concat(e.aliases).map(fold));
  function hits(text) {
    const q = fold(text).trim();
    if (!q) return [];
    return entities.map((e, k) => k).filter((k) => visibleNode[k] && haystack[k].some((h) => h.includes(q)));
  }
  function lookup(text) {
    const q = fold(text).trim();
    if (!q) return null;
    for (let k = 0; k < entities.length; k++) {
      const e = entities[k];
      if ([e.id, e.name].concat(e.aliases).some((v) => fold(v) === q)) return k;
    }
    return null;
  }
  $("search").addEventListener("input", () => {
    const list = $("search-hits");
    list.replaceChildren();
    for (const k of hits($("search").value).slice(0, 20)) {
      const b = el("button", entities[k].name); b.type = "button";
      b.addEventListener("click", () => select(k, true));
      const li = el("li"); li.append(b); list.append(li);
    }
  });
  $("search").addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter") return;
    const found = hits($("search").value);
    if (found.length) select(found[0], true);
  });

  // --- Paths: every shortest path over the relations shown, direction ignored -----------
  let pathNodes = new Set(), pathRelations = new Set();
  function shortestPaths(s, t, limit) {
    const adj = entities.map(() => []);
    relations.forEach((r, i) => {
      if (!visibleRelation[i]) return;
      const a = indexOf.get(r.from), b = indexOf.get(r.to);
      if (a === b) return;
      adj[a].push(b); adj[b].push(a);
    });
    const dist = new Array(entities.length).fill(-1), parents = entities.map(() => []);
    dist[s] = 0;
    const queue = [s];
    for (let h = 0; h < queue.length; h++) {
      const v = queue[h];
      if (v === t) break;
      for (const w of adj[v]) {
        if (dist[w] === -1) { dist[w] = dist[v] + 1; queue.push(w); }
        if (dist[w] === dist[v] + 1 && !parents[w].includes(v)) parents[w].push(v);
      }
    }
    if (dist[t] === -1) return [];
    const out = [];
    (function walk(v, tail) {
      if (out.length >= limit) return;
      if (v === s) { out.push([s].concat(tail)); return; }
      for (const p of parents[v]) walk(p, [v].concat(tail));
    })(t, []);
    return out;
  }
  function focusOnPath() { if (pathNodes.size) focusOn(Array.from(pathNodes, (k) => nodeEl[k]).filter(Boolean)); }
  function findPath() {
    const box = $("path-result");
    box.replaceChildren();
    pathNodes = new Set(); pathRelations = new Set();
    const fromText = $("path-from").value, toText = $("path-to").value;
    if (fromText.trim() && toText.trim()) {
      const s = lookup(fromText), t = lookup(toText);
      if (s === null || t === null) {
        box.append(el("p", "No entity is called " + (s === null ? fromText : toText) + ".", "note"));
      } else if (!visibleNode[s] || !visibleNode[t]) {
        box.append(el("p", "The filters hide " + entities[visibleNode[s] ? t : s].name + ".", "note"));
      } else {
        const paths = shortestPaths(s, t, 100);
        if (!paths.length) box.append(el("p", "No path joins them with the relations shown.", "note"));
        paths.forEach((path, n) => {
          const art = el("article", null, "path");
          art.dataset.nodes = path.map((k) => entities[k].id).join(" ");
          art.append(el("h3", (paths.length > 1 ? "Path " + (n + 1) + " of " + paths.length + ": " : "Path: ") +
            (path.length - 1) + " hop" + (path.length === 2 ? "" : "s")));
          const ol = el("ol", null, "hops");
          path.forEach((k, h) => {
            pathNodes.add(k);
            ol.append(el("li", entities[k].name + " [" + entities[k].id + "]", "node"));
            if (h === path.length - 1) return;
            const a = entities[k].id, b = entities[path[h + 1]].id;
            const li = el("li", null, "link"), ul = el("ul", null, "relations");
            relations.forEach((r, i) => {
              if (visibleRelation[i] && ((r.from === a && r.to === b) || (r.from === b && r.to === a))) {
                pathRelations.add(i); ul.append(relationItem(r, a));
              }
            });
            li.append(ul); ol.append(li);
          });
          art.append(ol); box.append(art);
        });
      }
    }
    paint();
    writeHash();
  }
  for (const id of ["path-from", "path-to"]) {
    $(id).addEventListener("keydown", (ev) => { if (ev.key === "Enter") { findPath(); focusOnPath(); } });
  }

  // --- Drawing the state -----------------------------------------------------------------
  function paint() {
    const pathOn = pathNodes.size > 0;
    nodeEl.forEach((e, k) => { if (!e) return; e.classList.toggle("off", !visibleNode[k]); e.classList.toggle("hl", pathNodes.has(k)); e.classList.toggle("dim", pathOn && !pathNodes.has(k)); });
    edgeEl.forEach((e, k) => { if (!e) return; e.classList.toggle("off", !visibleRelation[k]); e.classList.toggle("hl", pathRelations.has(k)); e.classList.toggle("dim", pathOn && !pathRelations.has(k)); });
    const n = visibleNode.filter(Boolean).length, m = visibleRelation.filter(Boolean).length;
    const c = $("counts");
    c.dataset.entities = String(n); c.dataset.relations = String(m);
    c.textContent = n + " of " + entities.length + " entities, " + m + " of " + relations.length + " relations shown · " + data.filter;
  }
  function update() {
    computeVisible();
    if (selected !== null) showDetails(selected);
    if ($("path-from").value.trim() && $("path-to").value.trim()) findPath(); else { paint(); writeHash(); }
  }
  $("as-of").addEventListener("input", update);

  // --- Permalink: the state in the fragment ------------------------------------------------
  let restoring = false;
  function writeHash() {
    if (restoring) return;
    const p = new URLSearchParams();
    if (selected !== null) p.set("node", entities[selected].id);
    for (const name of Object.keys(groups)) {
      const off = groups[name].values.filter((v) => !checked(name).has(v));
      if (off.length) p.set("hide-" + name, off.join("|"));
    }
    if ($("as-of").value.trim()) p.set("as-of", $("as-of").value.trim());
    if ($("path-from").value.trim()) p.set("from", $("path-from").value.trim());
    if ($("path-to").value.trim()) p.set("to", $("path-to").value.trim());
    const hash = p.toString();
    if (location.hash.slice(1) !== hash) history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  }
  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    restoring = true;
    for (const name of Object.keys(groups)) {
      const off = new Set((p.get("hide-" + name) || "").split("|").filter(Boolean));
      document.querySelectorAll("input[name=" + name + "]").forEach((i) => { i.checked = !off.has(i.value); });
    }
    $("as-of").value = p.get("as-of") || "";
    $("path-from").value = p.get("from") || "";
    $("path-to").value = p.get("to") || "";
    update();
    const k = p.has("node") ? indexOf.get(p.get("node")) : undefined;
    select(k === undefined ? null : k, k !== undefined);
    if (k === undefined) focusOnPath();
    restoring = false;
    writeHash();
  }
  window.addEventListener("hashchange", readHash);

  apply();
  readHash();
  performance.mark("outpost-ready"); // read by Benchmarks/explorer.sh
  document.documentElement.dataset.ready = "true";
})();
"""#
}
