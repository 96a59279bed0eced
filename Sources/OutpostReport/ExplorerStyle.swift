// The explorer's style sheet, embedded in every page `Explorer` writes.
/// The inline script and style of the explorer page.
public enum ExplorerAssets {
    /// The page's one style sheet (its SHA-256 is in the Content-Security-Policy).
    public static let style = #"""
:root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --band: #f5f5f3; --link: #0b5394; --hl: #c2185b; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { color: var(--ink); background: #fff; font: 14px/1.45 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; display: flex; flex-direction: column; }
header { padding: .4rem 1rem; border-bottom: 1px solid var(--rule); }
h1 { font-size: 1.2rem; margin: 0; }
#counts { margin: 0; color: var(--muted); font-size: .85rem; }
#layout { flex: 1; display: grid; grid-template-columns: 15rem 1fr 24rem; min-height: 0; }
#controls, #side { overflow: auto; padding: .6rem .8rem; }
#controls { border-right: 1px solid var(--rule); background: var(--band); }
#side { border-left: 1px solid var(--rule); }
#controls label { display: block; }
#controls input[type=search], #controls input:not([type]), #as-of { width: 100%; padding: .3rem; font: inherit; margin: .15rem 0; }
#as-of.bad { outline: 2px solid #d7191c; }
fieldset { border: 1px solid var(--rule); margin: .6rem 0; padding: .3rem .5rem; }
fieldset[hidden] { display: none; }
#search-hits { list-style: none; padding: 0; margin: 0; }
#search-hits button { background: none; border: 0; color: var(--link); cursor: pointer; text-align: left; padding: .1rem 0; font: inherit; }
#view { position: relative; overflow: hidden; min-height: 0; outline: none; touch-action: none; }
#view:focus-visible { box-shadow: inset 0 0 0 2px var(--link); }
#view svg { width: 100%; height: 100%; display: block; cursor: grab; user-select: none; transform-origin: 0 0; will-change: transform; }
#toolbar { position: absolute; top: .5rem; right: .5rem; display: flex; gap: .25rem; z-index: 1; }
#toolbar button { font: inherit; min-width: 2.2rem; padding: .25rem .5rem; background: #fff; border: 1px solid var(--rule); border-radius: .25rem; cursor: pointer; }
.node { cursor: pointer; }
.off { display: none; }
.dim { opacity: .25; }
.node.sel polygon, .node.sel ellipse, .node.sel path { stroke: var(--hl); stroke-width: 4; }
.node.hl polygon, .node.hl ellipse { stroke: var(--hl); stroke-width: 3; }
.edge.hl path { stroke: var(--hl); stroke-width: 3; }
.edge.hl polygon { stroke: var(--hl); fill: var(--hl); }
#details h2 { font-size: 1.1rem; margin: .2rem 0; }
#details h3, #path-result h3 { font-size: .95rem; margin: .8rem 0 .3rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0; }
dt { color: var(--muted); } dd { margin: 0; }
ul.relations, ul.citations, ol.hops { list-style: none; padding: 0; margin: 0; }
li.relation { border-top: 1px solid var(--rule); padding: .35rem 0; }
li.relation p { margin: .1rem 0; }
ol.hops li.node { font-weight: 600; }
ol.hops li.link { margin-left: .6rem; padding-left: .6rem; border-left: 3px solid var(--hl); }
.status { display: inline-block; padding: 0 .4rem; border-radius: .6rem; font-size: .75rem; font-weight: 600; border: 1px solid; }
.status-confirmed { background: #1a1a1a; color: #fff; }
.status-reported { color: #4d4d4d; border-style: dashed; }
.status-disputed { background: #fdebd3; color: #8a4b0a; border-color: #e08214; border-style: dotted; }
.status-denied { background: #fbdcdc; color: #9e1013; border-color: #d7191c; border-style: dotted; }
.layer, .when, .by, .note, .hint, p.source { color: var(--muted); font-size: .85rem; }
blockquote { margin: .1rem 0 .3rem .8rem; font-style: italic; }
a { color: var(--link); }
@media (max-width: 760px) {
  body { height: auto; }
  #layout { display: flex; flex-direction: column; }
  #view { height: 60vh; order: 1; border-bottom: 1px solid var(--rule); }
  #controls { order: 2; border-right: 0; }
  #side { order: 3; border-left: 0; }
}
"""#
}
