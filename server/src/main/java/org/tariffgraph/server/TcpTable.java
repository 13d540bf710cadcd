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
     * True when the connection from the client at {@code remoteAddress}:{@code remotePort}
     * to {@code localPort} is closed by the client (CLOSE_WAIT or CLOSE; a client that only
     * half-closes is taken as gone, as nginx takes it), or is no longer in the table though
     * the table could be read.
     */
    static boolean closedByPeer(String remoteAddress, int localPort, int remotePort) {
        if (localPort <= 0 || remotePort <= 0 || remoteAddress == null) {
            return false;
        }
        String local = ":" + String.format(Locale.ROOT, "%04X", localPort);
        List<String> remotes = kernelForms(remoteAddress, remotePort);
        if (remotes.isEmpty()) {
            return false;
        }
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
                if (f.length > 3 && f[1].endsWith(local) && remotes.contains(f[2])) {
                    return PEER_GONE.contains(f[3]);
                }
            }
        }
        return readable;
    }

    /**
     * The ways the kernel writes an address and port in its tables: IPv4 as one 32-bit word
     * and IPv6 as four, each in the machine's byte order (little-endian on the machines this
     * runs on), and an IPv4 client of an IPv6 socket as a mapped address.
     */
    static List<String> kernelForms(String address, int port) {
        byte[] bytes;
        try {
            bytes = java.net.InetAddress.getByName(address).getAddress();
        } catch (java.net.UnknownHostException e) {
            return List.of();
        }
        String p = String.format(Locale.ROOT, ":%04X", port);
        if (bytes.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return List.of(words(bytes) + p, words(mapped) + p);
        }
        return List.of(words(bytes) + p);
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
