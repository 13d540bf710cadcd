// A minimal SPARQL query endpoint over Oxigraph's JavaScript store, for src/bench/compare.sh:
// loads an N-Quads file, prints the load time, then answers GET /query?query=... with SPARQL
// JSON results, the default graph being the union of the named graphs (as tariffgraph serves
// it). Listens on 127.0.0.1 only.
//
//   node src/bench/oxigraph-server.js DUMP.nq PORT
'use strict';
const http = require('http');
const fs = require('fs');
const { Store } = require('oxigraph');

const [file, port] = process.argv.slice(2);
const store = new Store();
const started = process.hrtime.bigint();
store.load(fs.readFileSync(file), { format: 'application/n-quads' });
const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
const quads = store.size;

const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  const query = url.searchParams.get('query');
  if (url.pathname !== '/query' || query === null) {
    response.writeHead(404).end();
    return;
  }
  try {
    const body = store.query(query, { results_format: 'application/sparql-results+json', use_default_graph_as_union: true });
    response.writeHead(200, { 'Content-Type': 'application/sparql-results+json' }).end(body);
  } catch (e) {
    response.writeHead(400, { 'Content-Type': 'text/plain' }).end(String(e));
  }
});
server.listen(Number(port), '127.0.0.1', () => {
  console.log(`loaded ${quads} quads in ${loadMs.toFixed(0)} ms`);
  console.log(`ready at http://127.0.0.1:${server.address().port}/query`);
});
