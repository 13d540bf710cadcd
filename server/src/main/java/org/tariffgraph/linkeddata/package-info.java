/**
 * The graph as linked data: dereferenceable IRIs with content negotiation, HTML pages,
 * ontology documentation, dataset descriptions (VoID, DCAT, SPARQL Service Description),
 * dumps and the JSON-LD context.
 */
package org.tariffgraph.linkeddata;
