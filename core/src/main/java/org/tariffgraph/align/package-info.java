/**
 * Where several reports of a story agree and where they conflict: the same quote carried by
 * several reports, claims of the same kind about the same subject that agree within their
 * bounds or do not, roles described alike or differently. {@link org.tariffgraph.align.Aligner}
 * derives these links, in a graph of their own that says it is derived.
 */
package org.tariffgraph.align;
