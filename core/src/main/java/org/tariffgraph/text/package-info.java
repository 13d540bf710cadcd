/**
 * Source texts as the evidence measures them: strictly decoded UTF-8, offsets in Unicode
 * code points, SHA-256 of the bytes, and Web Annotation selectors (exact words, prefix,
 * suffix, start and end) computed from them.
 */
package org.tariffgraph.text;
