/**
 * Quality gates over a loaded graph: SHACL shapes, violation queries that must return no
 * rows, and the check of every evidence span against its source text.
 */
package org.tariffgraph.validate;
