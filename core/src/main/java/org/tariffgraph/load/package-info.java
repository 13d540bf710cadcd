/** Reading the ontology and data files into a dataset. */
package org.tariffgraph.load;
