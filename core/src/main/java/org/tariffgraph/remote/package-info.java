/**
 * The graph in a remote SPARQL 1.1 store instead of in this process: queries are sent to the
 * store whole, graphs are pushed and read by the Graph Store Protocol, and every answer is
 * checked to be complete before it is used. See {@link org.tariffgraph.remote.RemoteStore}
 * for what is assumed of the store.
 */
package org.tariffgraph.remote;
