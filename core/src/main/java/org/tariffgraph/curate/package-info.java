/**
 * Curating a draft: {@link org.tariffgraph.curate.Anchor} puts the words a curator typed in
 * place in the source text, {@link org.tariffgraph.curate.Review} applies a curator's
 * decisions on the drafted facts, and {@link org.tariffgraph.curate.TrigFile} reads a draft
 * and writes it back with its prefixes. Each step checks everything first and changes
 * nothing unless all of it succeeds, reporting every problem at once in a
 * {@link org.tariffgraph.curate.CurationException}.
 */
package org.tariffgraph.curate;
