package org.tariffgraph.server;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code org.tariffgraph.access} logger: client, method, path
 * as the client sent it with its query string cut to 200 characters, status and time
 * taken. Never a stack trace: what went wrong for the client is in the response.
 *
 * <p>It is the server's request log, not a servlet filter, so that it also records the
 * requests refused before any servlet sees them: a failed login (401), an address over its
 * update rate (429), a path Jetty refuses.
 */
final class AccessLog implements RequestLog {

    static final Logger LOG = LoggerFactory.getLogger("org.tariffgraph.access");
    private static final int MAX_TARGET = 200;

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String target = request.getHttpURI().getPathQuery();
        if (target != null && target.length() > MAX_TARGET) {
            target = target.substring(0, MAX_TARGET) + "...";
        }
        LOG.info("{} \"{} {}\" {} {}ms", Request.getRemoteAddr(request), request.getMethod(), target,
                response.getStatus(), NanoTime.millisSince(request.getBeginNanoTime()));
    }
}
