package org.tariffgraph.server;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One line per request on the {@code org.tariffgraph.access} logger: client, method, path
 * with its query string cut to 200 characters, status and time taken. Never a stack trace:
 * what went wrong for the client is in the response.
 */
final class AccessLog implements Filter {

    static final Logger LOG = LoggerFactory.getLogger("org.tariffgraph.access");
    private static final int MAX_TARGET = 200;

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        long start = System.nanoTime();
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        boolean failed = true;
        try {
            chain.doFilter(req, resp);
            failed = false;
        } finally {
            if (LOG.isInfoEnabled()) {
                String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                if (target.length() > MAX_TARGET) {
                    target = target.substring(0, MAX_TARGET) + "...";
                }
                // An exception that escapes becomes a 500 after this filter; log it as one.
                int status = failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
                LOG.info("{} \"{} {}\" {} {}ms", request.getRemoteAddr(), request.getMethod(), target,
                        status, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
