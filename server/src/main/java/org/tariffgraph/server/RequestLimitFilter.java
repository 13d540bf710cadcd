package org.tariffgraph.server;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, before any work is done, a request larger than the limits: a body without a
 * declared length (411), a body larger than the limit (413), a query longer than the limit
 * (413). Updates are bounded by the body limit alone: they may carry data. URLs longer than the server's header buffer are refused by Jetty itself (414).
 */
final class RequestLimitFilter implements Filter {

    private final Limits limits;

    RequestLimitFilter(Limits limits) {
        this.limits = limits;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        if (hasBody) {
            long length = request.getContentLengthLong();
            if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
                refuse(response, HttpServletResponse.SC_LENGTH_REQUIRED,
                        "Send the request with a Content-Length header: bodies of unknown length are not accepted.");
                return;
            }
            if (length > limits.maxBodyBytes()) {
                refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The request body of " + length
                        + " bytes is larger than the limit of " + limits.maxBodyBytes() + " bytes.");
                return;
            }
        }
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/sparql-query") && request.getContentLengthLong() > limits.maxQueryLength()) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The query of " + request.getContentLengthLong()
                    + " bytes is longer than the limit of " + limits.maxQueryLength() + " characters.");
            return;
        }
        String query = queryText(request, hasBody);
        if (query != null && query.length() > limits.maxQueryLength()) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The query of " + query.length()
                    + " characters is longer than the limit of " + limits.maxQueryLength() + " characters.");
            return;
        }
        chain.doFilter(req, resp);
    }

    /** The query text of a request, where it is a parameter; a direct query body is checked by its length. */
    private static String queryText(HttpServletRequest request, boolean hasBody) {
        String contentType = request.getContentType();
        boolean form = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        if (hasBody && !form) {
            String inUrl = request.getQueryString() == null ? null : request.getParameter("query");
            return inUrl;
        }
        return request.getParameter("query");
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().println(message);
    }
}
