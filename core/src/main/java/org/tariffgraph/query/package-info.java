/** Running SPARQL queries to completion, the query catalogue, and writing results. */
package org.tariffgraph.query;
