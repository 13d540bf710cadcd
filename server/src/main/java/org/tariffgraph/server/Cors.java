package org.tariffgraph.server;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cross-origin access for reading: any web page may query the endpoint and read the linked
 * data (GET, HEAD, and POST of a query), but never with credentials, and never the update
 * endpoint, which gets no CORS headers at all.
 */
final class Cors implements Filter {

    private final String updatePath;

    /** @param updatePath the path of the update endpoint, which is never opened to other origins */
    Cors(String updatePath) {
        this.updatePath = updatePath;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        boolean update = updatePath.equals(pathInContext(request));
        if (request.getHeader("Origin") != null && !update) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Access-Control-Expose-Headers", "Content-Type, Vary");
            if ("OPTIONS".equalsIgnoreCase(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
                response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
                response.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type");
                response.setHeader("Access-Control-Max-Age", "86400");
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
        }
        chain.doFilter(req, resp);
    }

    /** The path as the servlet container dispatched it, decoded and normalised, unlike {@code getRequestURI()}. */
    private static String pathInContext(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
