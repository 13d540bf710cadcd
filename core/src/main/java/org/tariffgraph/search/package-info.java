/** Full-text search over labels, the words of statements and the words of evidence. */
package org.tariffgraph.search;
