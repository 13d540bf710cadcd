/** The IRIs of the tariffgraph ontology as constants. */
package org.tariffgraph.vocab;
