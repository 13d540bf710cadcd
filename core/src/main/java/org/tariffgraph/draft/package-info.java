/**
 * Drafting the facts of a new report from its plain text: page segments, quotes and
 * paraphrases with their speakers, roles, quantities, dates and entity mentions, each with
 * its evidence computed from the text, and each marked as drafted by a rule until a curator
 * accepts it. {@link org.tariffgraph.draft.Drafter} is the entry point.
 */
package org.tariffgraph.draft;
