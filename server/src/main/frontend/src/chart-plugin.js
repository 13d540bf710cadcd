import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const NUMERIC = /#(integer|decimal|double|float|long|int|short|nonNegativeInteger|positiveInteger)$/;

/** The columns of a result whose every bound value is a number. */
function numericColumns(variables, bindings) {
  return variables.filter((v) => {
    const values = bindings.map((b) => b[v]).filter((x) => x);
    return values.length > 0 && values.every((x) => x.type !== "uri" && NUMERIC.test(x.datatype || "") && !Number.isNaN(Number(x.value)));
  });
}

/**
 * A YASR plugin that draws a bar chart of a result: one bar per row, labelled by the first
 * column that is not a number, with one series per numeric column.
 */
export class ChartPlugin {
  constructor(yasr) {
    this.yasr = yasr;
    this.priority = 5;
    this.label = "Chart";
  }

  columns() {
    const results = this.yasr.results;
    if (!results || !results.getVariables || !results.getBindings()) {
      return null;
    }
    const variables = results.getVariables();
    const bindings = results.getBindings();
    const numbers = numericColumns(variables, bindings);
    const label = variables.find((v) => !numbers.includes(v));
    return numbers.length > 0 && label ? { label, numbers, bindings } : null;
  }

  canHandleResults() {
    return this.columns() !== null;
  }

  getIcon() {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    for (const [x, h] of [[1, 6], [6, 11], [11, 8]]) {
      const bar = document.createElementNS(ns, "rect");
      bar.setAttribute("x", String(x));
      bar.setAttribute("y", String(15 - h));
      bar.setAttribute("width", "4");
      bar.setAttribute("height", String(h));
      svg.appendChild(bar);
    }
    return svg;
  }

  draw() {
    const { label, numbers, bindings } = this.columns();
    const wrapper = document.createElement("div");
    wrapper.className = "chart";
    const canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", `Bar chart of ${numbers.map((n) => "?" + n).join(", ")} by ?${label}`);
    wrapper.appendChild(canvas);
    this.yasr.resultsEl.appendChild(wrapper);
    this.chart = new Chart(canvas, {
      type: "bar",
      data: {
        labels: bindings.map((b) => (b[label] ? b[label].value : "")),
        datasets: numbers.map((n, i) => ({
          label: "?" + n,
          data: bindings.map((b) => (b[n] ? Number(b[n].value) : null)),
          backgroundColor: ["#1f5f99", "#b35900", "#2e7d32", "#6a1b9a"][i % 4],
        })),
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, indexAxis: bindings.length > 12 ? "y" : "x" },
    });
  }

  destroy() {
    if (this.chart) {
      this.chart.destroy();
      this.chart = undefined;
    }
  }
}
