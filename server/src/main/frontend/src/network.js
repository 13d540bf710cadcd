import cytoscape from "cytoscape";
import { fetchJson, showProblem } from "./links.js";

/** How each kind of node and relation is drawn; the legend on the page says the same in words. */
const STYLE = [
  { selector: "node", style: { label: "data(short)", "font-size": 14, color: "#1a1a1a", "text-wrap": "wrap", "text-max-width": 140,
    "text-valign": "bottom", "text-margin-y": 4, "background-color": "#6b6b6b", width: 18, height: 18 } },
  { selector: "node[kind = 'person']", style: { "background-color": "#1f5f99", shape: "ellipse", width: 26, height: 26 } },
  { selector: "node[kind = 'organisation']", style: { "background-color": "#8a4b08", shape: "round-rectangle", width: 30, height: 22 } },
  { selector: "node[kind = 'statement']", style: { "background-color": "#2e7d32", shape: "diamond", "font-size": 11 } },
  { selector: "node[kind = 'topic'], node[kind = 'place'], node[kind = 'event'], node[kind = 'policy']",
    style: { "background-color": "#6a1b9a", shape: "hexagon" } },
  { selector: "edge", style: { width: 1.5, "line-color": "#8c8c8c", "target-arrow-color": "#8c8c8c", "target-arrow-shape": "triangle",
    "curve-style": "bezier", "arrow-scale": 0.8 } },
  { selector: "edge[relation = 'about']", style: { "line-style": "dotted" } },
  { selector: "edge[relation = 'holds role at']", style: { "line-style": "dashed", "line-color": "#b35900", "target-arrow-color": "#b35900" } },
  { selector: "edge[relation = 'responds to']", style: { width: 3, "line-color": "#c62828", "target-arrow-color": "#c62828",
    label: "responds to", "font-size": 9, color: "#8e1b1b", "text-rotation": "autorotate", "text-background-color": "#ffffff",
    "text-background-opacity": 1 } },
];

/** A statement's label is long: the drawing shows who, and the start of what. */
function short(node) {
  const label = node.label;
  return label.length > 48 ? label.substring(0, 46) + "…" : label;
}

async function start() {
  const container = document.getElementById("network");
  const data = await fetchJson(container.dataset.graph);
  const elements = [
    ...data.nodes.map((n) => ({ data: { ...n, short: short(n) } })),
    ...data.edges.map((e, i) => ({ data: { id: "e" + i, ...e } })),
  ];
  // Cytoscape adds an inline <style> (which the page's policy refuses) unless an element with this id exists; site.css holds its rule.
  if (!document.getElementById("__________cytoscape_stylesheet")) {
    const marker = document.createElement("meta");
    marker.id = "__________cytoscape_stylesheet";
    document.head.appendChild(marker);
  }
  const cy = cytoscape({ container, elements, style: STYLE, layout: { name: "preset" }, wheelSensitivity: 0.3 });
  const layout = cy.layout({ name: "cose", animate: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 40,
    nodeRepulsion: () => 2500, gravity: 3, randomize: true, padding: 10,
    boundingBox: { x1: 0, y1: 0, w: container.clientWidth, h: container.clientHeight } });
  // The page says it is drawn once the layout has placed every node, not before.
  layout.one("layoutstop", () => {
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
    container.dataset.state = "drawn";
  });
  cy.on("tap", "node", (event) => {
    window.location.href = event.target.data("href");
  });
  cy.on("mouseover", "node", () => container.classList.add("pointing"));
  cy.on("mouseout", "node", () => container.classList.remove("pointing"));
  layout.run();
}

start().catch((e) => showProblem("The network could not be drawn: " + e.message));
