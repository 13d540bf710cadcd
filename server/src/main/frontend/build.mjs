// Bundles the workbench's scripts and their styles, unminified, into the folder given as the
// first argument (the server's classes, under org/tariffgraph/assets), and writes csp.json:
// the hashes of the two inline styles YASGUI's result table and autocompletion insert, so that
// the query page's Content-Security-Policy can allow exactly those and no other inline style.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";

const NODE_MAJOR = 18;
if (Number(process.versions.node.split(".")[0]) < NODE_MAJOR) {
  console.error(`The workbench needs Node.js ${NODE_MAJOR} or later to build; this is ${process.version}.`);
  process.exit(1);
}
const out = process.argv[2];
if (!out) {
  console.error("usage: node build.mjs OUTPUT_DIR");
  process.exit(2);
}
mkdirSync(out, { recursive: true });

await build({
  entryPoints: { query: "src/query.js", timeline: "src/timeline.js", network: "src/network.js" },
  bundle: true,
  format: "iife",
  target: "es2020",
  outdir: out,
  minify: false,
  sourcemap: false,
  legalComments: "inline",
  logLevel: "warning",
});

/** Group 1 of the one match of `pattern` in YASGUI's bundle; fails the build when there is not exactly one. */
function only(source, pattern, what) {
  const found = [...source.matchAll(pattern)];
  if (found.length !== 1) {
    console.error(`Found ${found.length} copies of ${what} in YASGUI's bundle, not 1: the query page's CSP hashes need a look.`);
    process.exit(1);
  }
  return found[0][1];
}

const sha256 = (text) => "sha256-" + createHash("sha256").update(text, "utf8").digest("base64");
const yasgui = readFileSync("node_modules/@zazuko/yasgui/build/yasgui.esm.js", "utf8");
// The column resizer of YASR's table puts one fixed <style> element in the head: its text is a
// JavaScript string literal, read here as JavaScript reads it.
const resizerStyle = runInNewContext(only(yasgui, /createStyle\(\w+, ("(?:[^"\\]|\\.)*")\)/g, "the table's column-resizer style"));
// The autocompletion list underlines the matched part with a style attribute.
const hintStyle = only(yasgui, /<strong style='([^']*)'>/g, "the autocompletion's underline");
writeFileSync(join(out, "csp.json"), JSON.stringify({
  query: { styleElements: [sha256(resizerStyle)], styleAttributes: [sha256(hintStyle)] },
}, null, 2) + "\n");
