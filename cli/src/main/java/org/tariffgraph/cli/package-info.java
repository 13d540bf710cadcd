/** The {@code tariffgraph} command line, one class per command. */
package org.tariffgraph.cli;
