package org.tariffgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

class TcpTableTest {

    @Test
    void writesAddressesAsTheKernelDoes() {
        // /proc/net/tcp writes 127.0.0.1:3089 as 0100007F:0C11, and tcp6 a mapped IPv4 address in four words.
        assertEquals(List.of("0100007F:0C11", "0000000000000000FFFF00000100007F:0C11"), TcpTable.kernelForms("127.0.0.1", 3089));
        assertEquals(List.of("00000000000000000000000001000000:0050"), TcpTable.kernelForms("::1", 80));
    }

    @Test
    void anUnknownConnectionOrAddressIsNeverReportedClosedWithoutATable() {
        assertFalse(TcpTable.closedByPeer(null, 1, 2));
        assertFalse(TcpTable.closedByPeer("127.0.0.1", 0, 2));
    }
}
