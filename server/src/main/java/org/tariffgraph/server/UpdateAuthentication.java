package org.tariffgraph.server;

import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.SecurityHandler;
import org.eclipse.jetty.security.ServerAuthException;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * HTTP basic authentication at the update endpoint, and nowhere else.
 *
 * <p>Jetty's security handlers attach a deferred login to every request they pass, and
 * Fuseki asks each request for its user: a query that merely carries an
 * {@code Authorization} header would then cost a PBKDF2 hash, unthrottled, and its time
 * would tell a known user from an unknown one. This handler leaves every other path alone,
 * so that a password is only ever checked where {@link UpdateRateLimit} has throttled the
 * requests first. Paths are compared as Jetty dispatches them: decoded and normalised.
 */
final class UpdateAuthentication extends SecurityHandler {

    private final String updatePath;

    /** @param updatePath the path of the update endpoint, such as {@code /kg/update} */
    UpdateAuthentication(String updatePath, UpdateUsers users) {
        this.updatePath = updatePath;
        setLoginService(users);
        setRealmName(users.getName());
        BasicAuthenticator basic = new Basic();
        // RFC 7617: clients send UTF-8 when the challenge says so, and hash-password reads UTF-8.
        basic.setCharset(StandardCharsets.UTF_8);
        setAuthenticator(basic);
    }

    /** Jetty's basic authentication, answering credentials that are not base64 with 400 rather than a 500 and a stack trace. */
    private static final class Basic extends BasicAuthenticator {
        @Override
        public AuthenticationState validateRequest(Request request, Response response, Callback callback) throws ServerAuthException {
            try {
                return super.validateRequest(request, response, callback);
            } catch (IllegalArgumentException e) {
                Response.writeError(request, response, callback, 400,
                        "The Authorization header does not hold Basic credentials in base64: " + e.getMessage());
                return AuthenticationState.SEND_FAILURE;
            }
        }
    }

    @Override
    protected Constraint getConstraint(String pathInContext, Request request) {
        return updatePath.equals(pathInContext) ? Constraint.ANY_USER : null;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (getConstraint(Request.getPathInContext(request), request) == null) {
            Handler next = getHandler();
            return next != null && next.handle(request, response, callback);
        }
        return super.handle(request, response, callback);
    }
}
