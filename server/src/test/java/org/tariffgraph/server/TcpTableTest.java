package org.tariffgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TcpTableTest {

    private static final String HEADER =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";

    /** A table row, as the kernel writes it: local and remote address, state, and the columns this does not read. */
    private static String row(int n, String local, String remote, String state) {
        return String.format("%4d: %s %s %s 00000000:00000000 00:00000000 00000000     0        0 %d 1 0000000000000000 20 4 30 10 -1",
                n, local, remote, state, 1000 + n);
    }

    @Test
    void writesAddressesAsTheKernelDoes() {
        // /proc/net/tcp writes 127.0.0.1:3089 as 0100007F:0C11, and tcp6 a mapped IPv4 address in four words.
        assertEquals(List.of("0100007F:0C11", "0000000000000000FFFF00000100007F:0C11"), TcpTable.kernelForms("127.0.0.1", 3089));
        assertEquals(List.of("00000000000000000000000001000000:0050"), TcpTable.kernelForms("::1", 80));
    }

    @Test
    void aConnectionThatCannotBeNamedIsNotWatched() {
        assertNull(TcpTable.Connection.of(null, 3030, 2));
        assertNull(TcpTable.Connection.of("127.0.0.1", 0, 2));
        assertNull(TcpTable.Connection.of("127.0.0.1", 3030, 0));
    }

    @Test
    void findsTheConnectionsClosedByTheirClientsOrGoneAmongUnrelatedRows() {
        TcpTable.Connection open = TcpTable.Connection.of("127.0.0.1", 3030, 40001);
        TcpTable.Connection closeWait = TcpTable.Connection.of("127.0.0.1", 3030, 40002);
        TcpTable.Connection gone = TcpTable.Connection.of("127.0.0.1", 3030, 40003);
        TcpTable.Connection mapped = TcpTable.Connection.of("127.0.0.1", 3030, 40004);
        TcpTable.Connection onlyElsewhere = TcpTable.Connection.of("127.0.0.1", 3030, 40005);
        List<String> lines = List.of(HEADER,
                row(0, "00000000:0BD6", "00000000:0000", "0A"),
                // The same client port, but to another local port: not the watched connection.
                row(1, "0100007F:1F90", "0100007F:9C45", "08"),
                row(2, "0100007F:0BD6", "0100007F:9C41", "01"),
                row(3, "0100007F:0BD6", "0100007F:9C42", "08"),
                row(4, "0100007F:0BD6", "0100007F:9C44", "01").replace("0100007F:0BD6 0100007F:9C44",
                        "0000000000000000FFFF00000100007F:0BD6 0000000000000000FFFF00000100007F:9C44"),
                row(5, "0100007F:0BD6", "0200007F:9C45", "08"),
                "   6: malformed");
        Set<TcpTable.Connection> closed = TcpTable.closedByPeer(lines, List.of(open, closeWait, gone, mapped, onlyElsewhere));
        assertEquals(Set.of(closeWait, gone, onlyElsewhere), closed);
    }

    @Test
    void readsTheTableOnlyWhereItsByteOrderIsTheOneParsed() {
        List<String> lines = TcpTable.read();
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN || !java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/net/tcp"))) {
            assertNull(lines);
        } else {
            assertEquals(HEADER.trim().split("\\s+")[1], lines.get(0).trim().split("\\s+")[1]);
        }
    }
}
