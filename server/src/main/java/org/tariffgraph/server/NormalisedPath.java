package org.tariffgraph.server;

import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * Serves every request at the normal form of its path: dot segments resolved, path
 * parameters dropped, needless percent-encoding decoded ({@code /kg/./update},
 * {@code /kg/x/../update} and {@code /kg/%75pdate} are all {@code /kg/update}).
 *
 * <p>Jetty dispatches servlets, filters and security constraints on that normal form, but
 * Fuseki and the servlet API's {@code getRequestURI()} see the path as sent; a rule that
 * matched one spelling could be passed by another. Rewriting the request before anything
 * else sees it leaves one path for every check. Ambiguous paths (an encoded {@code /} or
 * {@code .}, an empty segment) are refused 400 by Jetty before they get here.
 */
final class NormalisedPath extends Handler.Wrapper {

    NormalisedPath(Handler inner) {
        super(inner);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpURI uri = request.getHttpURI();
        String normal = normal(uri);
        if (normal != null && !normal.equals(uri.getPath())) {
            request = Request.serveAs(request, HttpURI.build(uri).param(null).path(normal));
        }
        return super.handle(request, response, callback);
    }

    /** The normal form of a request's path, percent-encoded where a URI needs it; null if the path has none. */
    static String normal(HttpURI uri) {
        String canonical = uri.getCanonicalPath();
        return canonical == null ? null : URIUtil.encodePathSafeEncoding(canonical);
    }
}
