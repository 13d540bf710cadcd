package org.tariffgraph.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The kernel's table of TCP connections on Linux ({@code /proc/net/tcp} and
 * {@code /proc/net/tcp6}), read to learn whether clients have closed their connections.
 * Elsewhere the table is absent, and where the machine's byte order is not the one the
 * addresses are parsed in it is not read: nothing is then ever reported closed.
 */
final class TcpTable {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    /** TCP states, as the kernel numbers them, in which the client has gone: CLOSE, CLOSE_WAIT. */
    private static final Set<String> PEER_GONE = Set.of("07", "08");

    private TcpTable() {}

    /**
     * A connection as the kernel writes it: the local port, and the forms its table may give
     * the remote address and port in; worked out once, when the connection is first watched.
     */
    record Connection(String localPort, List<String> remotes) {

        /**
         * The connection from the client at {@code remoteAddress}:{@code remotePort} to
         * {@code localPort}, or null when it cannot be named (an unknown address or port).
         */
        static Connection of(String remoteAddress, int localPort, int remotePort) {
            if (remoteAddress == null || localPort <= 0 || remotePort <= 0) {
                return null;
            }
            List<String> remotes = kernelForms(remoteAddress, remotePort);
            return remotes.isEmpty() ? null : new Connection(port(localPort), remotes);
        }
    }

    /**
     * The lines of both tables, header lines included; null when neither can be read, or when
     * the machine's byte order is not the little-endian one {@link #kernelForms} writes.
     */
    static List<String> read() {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            return null;
        }
        List<String> lines = null;
        for (Path table : TABLES) {
            try {
                List<String> read = Files.readAllLines(table, StandardCharsets.US_ASCII);
                if (lines == null) {
                    lines = new ArrayList<>(read);
                } else {
                    lines.addAll(read);
                }
            } catch (IOException | RuntimeException e) {
                // Not on Linux, or without IPv6: the other table may still be there.
            }
        }
        return lines;
    }

    /**
     * Of the {@code watched} connections, those that {@code lines} show closed by their client
     * (CLOSE_WAIT or CLOSE: a client that only half-closes is taken as gone, as nginx takes
     * it), or do not show at all. One pass over the lines, whatever the number watched.
     */
    static Set<Connection> closedByPeer(Iterable<String> lines, Collection<Connection> watched) {
        Map<String, Connection> byKey = new HashMap<>();
        for (Connection connection : watched) {
            for (String remote : connection.remotes()) {
                byKey.put(remote + connection.localPort(), connection);
            }
        }
        Set<Connection> seen = new HashSet<>();
        Set<Connection> closed = new HashSet<>();
        for (String line : lines) {
            String[] fields = fields(line);
            if (fields == null) {
                continue;
            }
            String local = fields[0];
            int colon = local.lastIndexOf(':');
            Connection connection = colon < 0 ? null : byKey.get(fields[1] + local.substring(colon));
            if (connection != null) {
                seen.add(connection);
                if (PEER_GONE.contains(fields[2])) {
                    closed.add(connection);
                }
            }
        }
        for (Connection connection : watched) {
            if (!seen.contains(connection)) {
                closed.add(connection);
            }
        }
        return closed;
    }

    /** The local address, remote address and state of a table row, or null for a header or a line too short. */
    private static String[] fields(String line) {
        String[] fields = new String[3];
        int at = 0;
        int n = line.length();
        // Skip the row number, then read three fields separated by spaces.
        for (int field = -1; field < 3; field++) {
            while (at < n && line.charAt(at) == ' ') {
                at++;
            }
            int start = at;
            while (at < n && line.charAt(at) != ' ') {
                at++;
            }
            if (start == at) {
                return null;
            }
            if (field >= 0) {
                fields[field] = line.substring(start, at);
            } else if (line.charAt(at - 1) != ':') {
                return null;
            }
        }
        return fields;
    }

    /**
     * The ways the kernel writes an address and port in its tables: IPv4 as one 32-bit word
     * and IPv6 as four, each in the machine's byte order (little-endian here), and an IPv4
     * client of an IPv6 socket as a mapped address.
     */
    static List<String> kernelForms(String address, int port) {
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return List.of();
        }
        String p = port(port);
        if (bytes.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return List.of(words(bytes) + p, words(mapped) + p);
        }
        return List.of(words(bytes) + p);
    }

    private static String port(int port) {
        return String.format(Locale.ROOT, ":%04X", port);
    }

    private static String words(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < bytes.length; w += 4) {
            for (int b = 3; b >= 0; b--) {
                out.append(String.format(Locale.ROOT, "%02X", bytes[w + b] & 0xff));
            }
        }
        return out.toString();
    }
}
