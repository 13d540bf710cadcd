/** The embedded SPARQL endpoint, built on Apache Jena Fuseki. */
package org.tariffgraph.server;
