/** Writing the graph out, whole or one named graph at a time. */
package org.tariffgraph.export;
