package org.tariffgraph.text;

/**
 * Where words stand in a source text, as a Web Annotation text quote selector (the exact
 * words with their prefix and suffix) and text position selector (start inclusive, end
 * exclusive, in code points).
 */
public record Selector(String exact, String prefix, String suffix, int start, int end) {}
