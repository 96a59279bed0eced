graph [
  directed 1
  multigraph 1
  name "mini"
  title "A small test network"
  filter "all layers"
  sources "[{&quot;date&quot;:&quot;2022-04&quot;,&quot;file&quot;:&quot;article.txt&quot;,&quot;id&quot;:&quot;example-daily&quot;,&quot;publisher&quot;:&quot;The Example Daily&quot;,&quot;title&quot;:&quot;A test article&quot;}]"
  totals "[{&quot;citations&quot;:[{&quot;excerpt&quot;:&quot;opened a &#8220;service station&#8221; in Shelbyville&quot;,&quot;source&quot;:&quot;example-daily&quot;}],&quot;label&quot;:&quot;stations the article counts&quot;,&quot;measure&quot;:&quot;stations&quot;,&quot;value&quot;:2}]"
  node [
    id 0
    label "springfield-psb"
    name "Springfield Public Security Bureau"
    kind "public-security-bureau"
    aliases "[&quot;Springfield police&quot;,&quot;&#26149;&#30000;&#24066;&#20844;&#23433;&#23616;&quot;]"
    country "China"
    city "Springfield"
    citations "[{&quot;excerpt&quot;:&quot;the Springfield Public Security Bureau opened&quot;,&quot;source&quot;:&quot;example-daily&quot;}]"
  ]
  node [
    id 1
    label "station-shelbyville"
    name "Shelbyville service station"
    kind "police-station"
    country "Testland"
    city "Shelbyville"
    citations "[{&quot;excerpt&quot;:&quot;opened a \&quot;service station\&quot; in Shelbyville in March 2022&quot;,&quot;source&quot;:&quot;example-daily&quot;}]"
  ]
  node [
    id 2
    label "shelbyville-council"
    name "Shelbyville city council"
    kind "government-body"
    country "Testland"
    citations "[{&quot;excerpt&quot;:&quot;The Shelbyville city council said it had investigated the station.&quot;,&quot;source&quot;:&quot;example-daily&quot;}]"
  ]
  edge [
    source 0
    target 1
    key "r0"
    relation "established"
    layer "network"
    status "reported"
    directed 1
    start "2022-03"
    sources "example-daily"
    citations "[{&quot;excerpt&quot;:&quot;the Springfield Public Security Bureau opened a &#8220;service station&#8221; in Shelbyville in March 2022&quot;,&quot;source&quot;:&quot;example-daily&quot;}]"
    citation_count 1
  ]
  edge [
    source 2
    target 1
    key "r1"
    relation "investigated"
    layer "responses"
    status "confirmed"
    directed 1
    date "2022-04"
    by "shelbyville-council"
    sources "example-daily"
    citations "[{&quot;excerpt&quot;:&quot;The Shelbyville city council said it had investigated the station.&quot;,&quot;source&quot;:&quot;example-daily&quot;}]"
    citation_count 1
  ]
  edge [
    source 0
    target 1
    key "r2"
    relation "denied"
    layer "denials"
    status "reported"
    directed 1
    date "2022-04"
    note "the bureau denied that the station did police work"
    sources "example-daily"
    citations "[{&quot;excerpt&quot;:&quot;A spokesperson for the bureau denied that the station did police work.&quot;,&quot;source&quot;:&quot;example-daily&quot;}]"
    citation_count 1
  ]
]
