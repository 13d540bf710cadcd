package org.tariffgraph.server;

import java.io.IOException;

import org.tariffgraph.linkeddata.ContentSecurityPolicy;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers that keep a browser from running anything but the server's own scripts on its
 * pages, from guessing content types, from sending the page's address to other sites, and
 * from showing the pages inside another site's frame. They are set before the request is
 * handled, so that every answer has them, errors included; a page may narrow or widen its
 * Content-Security-Policy (see {@link ContentSecurityPolicy}).
 */
final class SecurityHeaders implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader("Content-Security-Policy", ContentSecurityPolicy.DEFAULT);
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("Referrer-Policy", "no-referrer");
            http.setHeader("X-Frame-Options", "DENY");
        }
        chain.doFilter(request, response);
    }
}
