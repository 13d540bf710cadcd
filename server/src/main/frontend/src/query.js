import Yasgui from "@zazuko/yasgui";
import "@zazuko/yasgui/build/yasgui.min.css";
import { ChartPlugin } from "./chart-plugin.js";
import { fetchJson, localHref, PROJECT_ROOT, showProblem } from "./links.js";

/** Labels for the controls YASGUI draws without one, found by their class. */
const CONTROL_LABELS = [
  ["select.tableSizer", "Rows per page"],
  [".autocompleteWrapper input, input.autocomplete", "SPARQL endpoint"],
  [".tabPanel input[type=text]:not(.tableFilter), .tabsList input", "Tab name"],
];

/** Project IRIs in the results open their page here, in the same window; unlabelled controls get a label. */
function adjust(root) {
  for (const a of root.querySelectorAll(`a[href^="${PROJECT_ROOT}"]`)) {
    a.setAttribute("href", localHref(a.getAttribute("href")));
    a.removeAttribute("target");
  }
  for (const [selector, label] of CONTROL_LABELS) {
    for (const control of root.querySelectorAll(selector)) {
      if (!control.labels?.length && !control.hasAttribute("aria-label") && !control.hasAttribute("aria-labelledby")) {
        control.setAttribute("aria-label", label);
      }
    }
  }
  // A control beside a <label> that names no control: the label is its name.
  for (const control of root.querySelectorAll("select, input")) {
    const beside = control.previousElementSibling;
    if (!control.labels?.length && !control.hasAttribute("aria-label") && beside?.tagName === "LABEL" && !beside.htmlFor) {
      control.setAttribute("aria-label", beside.textContent.trim());
    }
  }
  for (const field of root.querySelectorAll(".CodeMirror textarea")) {
    if (!field.hasAttribute("aria-label")) {
      field.setAttribute("aria-label", "SPARQL query");
    }
  }
}

/** A new tab's query: the project's prefixes, then a first question. */
function starterQuery(prefixes) {
  const lines = Object.keys(prefixes).sort().map((p) => `PREFIX ${p}: <${prefixes[p]}>`);
  return lines.join("\n") + "\n\n# Who said what, in whose voice\nSELECT ?statement ?speaker ?words WHERE {\n"
    + "  ?statement a tg:Statement ;\n    tg:speaker/rdfs:label ?speaker ;\n    tg:verbatim ?words .\n}\nORDER BY ?speaker\nLIMIT 100\n";
}

/** Completion of prefixes, classes and properties from this graph, never from a remote service. */
function registerCompleters(config) {
  const Yasqe = Yasgui.Yasqe;
  const declarations = Object.keys(config.prefixes).sort().map((p) => `${p}: <${config.prefixes[p]}>`);
  Yasqe.forkAutocompleter("prefixes", { name: "graph-prefixes", get: () => declarations, persistenceId: null }, false);
  Yasqe.forkAutocompleter("class", { name: "graph-classes", bulk: true, get: () => config.terms.classes, persistenceId: null }, false);
  Yasqe.forkAutocompleter("property", { name: "graph-properties", bulk: true, get: () => config.terms.properties, persistenceId: null }, false);
  return ["graph-prefixes", "variables", "graph-classes", "graph-properties"];
}

/** The catalogue's queries as buttons: one click opens the query in a tab of its own and runs it. */
function showExamples(yasgui, examples, list) {
  for (const example of examples) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "example";
    button.dataset.id = example.id;
    button.textContent = example.id;
    const summary = document.createElement("span");
    summary.className = "summary";
    summary.textContent = example.summary;
    button.appendChild(document.createElement("br"));
    button.appendChild(summary);
    button.title = example.description;
    button.addEventListener("click", () => {
      const tab = yasgui.addTab(true, { ...Yasgui.Tab.getDefaults(yasgui), name: example.id });
      tab.setQuery(example.text);
      tab.query().catch(() => {});
    });
    item.appendChild(button);
    list.appendChild(item);
  }
}

async function start() {
  const root = document.getElementById("yasgui");
  const config = await fetchJson(root.dataset.config);
  const endpoint = new URL(config.endpoint, window.location.href).href;
  Yasgui.Yasr.registerPlugin("chart", ChartPlugin);
  Yasgui.Yasr.plugins.table.defaults.openIriInNewWindow = false;
  new MutationObserver(() => adjust(root)).observe(root, { childList: true, subtree: true });
  const yasgui = new Yasgui(root, {
    requestConfig: { endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: () => [{ endpoint }], keys: [] },
    copyEndpointOnNewTab: true,
    populateFromUrl: false,
    autofocus: false,
    persistenceId: "tariffgraph-workbench",
    yasqe: { value: starterQuery(config.prefixes), autocompleters: registerCompleters(config), editorHeight: "320px" },
    yasr: { pluginOrder: ["table", "chart", "response"], defaultPlugin: "table" },
  });
  adjust(root);
  showExamples(yasgui, config.examples, document.getElementById("examples"));
  // A query handed over in the address (?query=...), as the endpoint's form sends it, opens in a new tab and runs.
  const handed = new URLSearchParams(window.location.search).get("query");
  if (handed) {
    const tab = yasgui.addTab(true, { ...Yasgui.Tab.getDefaults(yasgui), name: "From the form" });
    tab.setQuery(handed);
    tab.query().catch(() => {});
  }
  root.dataset.state = "ready";
}

start().catch((e) => showProblem("The query editor could not start: " + e.message));
