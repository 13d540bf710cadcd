import { DataSet } from "vis-data/peer/esm/vis-data.js";
import { Timeline } from "vis-timeline/peer/esm/vis-timeline-graph2d.js";
import "vis-timeline/styles/vis-timeline-graph2d.css";
import { fetchJson, showProblem } from "./links.js";

const DAY = 24 * 60 * 60 * 1000;

/** An item's drawing: its label as a link to its page, and its date as the graph knows it. */
function content(item) {
  const box = document.createElement("span");
  const link = document.createElement("a");
  link.href = item.href;
  link.textContent = item.label;
  const date = document.createElement("span");
  date.className = "when";
  date.textContent = ` ${item.dateText}`;
  box.append(link, date);
  return box;
}

async function start() {
  const container = document.getElementById("timeline");
  const data = await fetchJson(container.dataset.items);
  const times = data.items.flatMap((i) => [i.start, i.end]).filter((t) => t).map((t) => Date.parse(t));
  // Open ends reach the edge of the drawing: what is known is only one bound.
  const first = Math.min(...times) - 30 * DAY;
  const last = Math.max(...times) + 120 * DAY;
  // An item's IRI can come twice (an event as the article dates it, and in effect as the enrichment dates it).
  const items = new DataSet(data.items.map((item, index) => ({
    id: index,
    group: item.group,
    type: "range",
    start: item.start ? Date.parse(item.start) : first,
    end: item.end ? Date.parse(item.end) : last,
    className: `precision-${item.precision.replace(/\W+/g, "-")} kind-${item.kind.replace(/\W+/g, "-").toLowerCase()}`
      + (item.start ? "" : " open-start") + (item.end ? "" : " open-end"),
    content: content(item),
  })));
  const groups = new DataSet(data.groups);
  const timeline = new Timeline(container, items, groups, {
    start: first,
    end: last,
    min: first - 365 * DAY,
    max: last + 365 * DAY,
    orientation: "top",
    selectable: false,
    stack: true,
    margin: { item: { horizontal: 0, vertical: 6 } },
  });
  // The first drawing places the items while they are still hidden, to measure them: the page says
  // it is drawn once they show.
  const shown = () => {
    const item = container.querySelector(".vis-item");
    if (item && getComputedStyle(item).visibility === "visible") {
      container.dataset.state = "drawn";
    } else {
      window.requestAnimationFrame(shown);
    }
  };
  timeline.once("changed", shown);
}

start().catch((e) => showProblem("The timeline could not be drawn: " + e.message));
