// sitroom dashboard: an offline map (d3 + world-atlas) and the event list of the API.
const COLORS = {
  "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad", "Protests": "#2980b9",
  "Riots": "#16a085", "Strategic developments": "#7f8c8d",
};
const svg = d3.select("#map").append("svg");
const layer = svg.append("g");
const projection = d3.geoNaturalEarth1();
const path = d3.geoPath(projection);

async function drawBasemap() {
  const world = await (await fetch("/assets/vendor/countries-110m.json")).json();
  const land = topojson.feature(world, world.objects.countries);
  const box = svg.node().getBoundingClientRect();
  projection.fitSize([box.width, box.height], land);
  layer.append("g").selectAll("path").data(land.features).join("path")
    .attr("class", "land").attr("d", path);
  svg.call(d3.zoom().scaleExtent([1, 40]).on("zoom", (e) => layer.attr("transform", e.transform)));
}

function query() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(document.getElementById("filters"))) if (v) params.set(k, v);
  return params;
}

async function load() {
  const params = query();
  params.set("limit", "500");
  const answer = await (await fetch("/events?" + params)).json();
  const items = answer.items || [];
  document.getElementById("count").textContent =
    `${items.length} incident${items.length === 1 ? "" : "s"}` + (answer.next_cursor ? " (first 500)" : "");
  const rows = d3.select("#events tbody").selectAll("tr").data(items, (d) => d.id).join("tr")
    .attr("data-id", (d) => d.id).on("click", (_, d) => show(d.id));
  rows.html("");
  rows.append("td").text((d) => d.date || "?");
  rows.append("td").text((d) => d.sub_event_type);
  rows.append("td").text((d) => (d.location && d.location.name) || "—");
  rows.append("td").text((d) => d.fatalities ?? "?");
  rows.append("td").text((d) => (d.reports || []).length);
  const located = items.filter((d) => d.location && d.location.lat != null);
  layer.selectAll("circle").data(located, (d) => d.id).join("circle")
    .attr("cx", (d) => projection([d.location.lon, d.location.lat])[0])
    .attr("cy", (d) => projection([d.location.lon, d.location.lat])[1])
    .attr("r", (d) => 3 + Math.sqrt(d.fatalities || 0))
    .attr("fill", (d) => COLORS[d.event_type] || "#333")
    .on("click", (_, d) => show(d.id))
    .append("title").text((d) => `${d.date} ${d.sub_event_type} — ${d.location.name}`);
}

function highlighted(context, spans) {
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const s of spans) {
    if (s.from < at) continue;
    frag.append(context.slice(at, s.from));
    const mark = document.createElement("mark");
    mark.textContent = context.slice(s.from, s.to);
    frag.append(mark);
    at = s.to;
  }
  frag.append(context.slice(at));
  return frag;
}

async function show(id) {
  const res = await fetch("/events/" + encodeURIComponent(id));
  const e = await res.json();
  d3.selectAll("#events tr").classed("selected", function () { return this.dataset.id === id; });
  const box = document.getElementById("detail");
  box.hidden = false;
  box.innerHTML = "";
  const h = document.createElement("h2");
  h.textContent = `${e.sub_event_type} — ${e.date || "date unknown"}`;
  box.append(h);
  const dl = document.createElement("dl");
  const fields = {
    "status": e.status, "where": e.location ? `${e.location.name} (${e.location.country || "?"})` : "unknown",
    "actor 1": e.actor1 && e.actor1.name, "actor 2": e.actor2 && e.actor2.name,
    "killed": e.fatalities_low !== e.fatalities_high && e.fatalities_low != null
      ? `${e.fatalities} (reports: ${e.fatalities_low}–${e.fatalities_high})` : e.fatalities,
    "injured": e.injured, "responsibility": e.responsibility && e.responsibility.status,
  };
  for (const [k, v] of Object.entries(fields)) {
    const dt = document.createElement("dt"); dt.textContent = k;
    const dd = document.createElement("dd"); dd.textContent = v ?? "—";
    dl.append(dt, dd);
  }
  box.append(dl);
  for (const r of e.report_details || []) {
    const p = document.createElement("p");
    const src = document.createElement("strong");
    src.textContent = `${r.article.source || r.article.id} (${r.article.published || "?"}): `;
    p.append(src);
    for (const ev of r.evidence || []) {
      const ctx = ev.context || ev.text;
      const from = Math.max(0, ctx.indexOf(ev.text));
      p.append(highlighted(ctx, [{ from, to: from + ev.text.length }]), " ");
    }
    box.append(p);
  }
}

document.getElementById("filters").addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
drawBasemap().then(load);
