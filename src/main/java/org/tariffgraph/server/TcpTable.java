package org.tariffgraph.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The kernel's table of TCP connections on Linux ({@code /proc/net/tcp} and
 * {@code /proc/net/tcp6}), read to learn whether a client has closed its connection.
 * Elsewhere the table is absent and nothing is ever reported closed.
 */
final class TcpTable {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    /** TCP states, as the kernel numbers them, in which the client has gone. */
    private static final List<String> PEER_GONE = List.of("07", "08");

    private TcpTable() {}

    /**
     * True when the connection between these ports is closed by the client (CLOSE_WAIT or
     * CLOSE), or no longer in the table though the table could be read.
     */
    static boolean closedByPeer(int localPort, int remotePort) {
        if (localPort <= 0 || remotePort <= 0) {
            return false;
        }
        String local = ":" + String.format(Locale.ROOT, "%04X", localPort);
        String remote = ":" + String.format(Locale.ROOT, "%04X", remotePort);
        boolean readable = false;
        for (Path table : TABLES) {
            List<String> lines;
            try {
                lines = Files.readAllLines(table, StandardCharsets.US_ASCII);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            readable = true;
            for (String line : lines) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(local) && f[2].endsWith(remote)) {
                    return PEER_GONE.contains(f[3]);
                }
            }
        }
        return readable;
    }
}
