package dev.authstack.api.auth.boundary;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import dev.authstack.api.ApiApplication;
import dev.authstack.api.auth.control.InvalidTokenException;
import dev.authstack.api.auth.control.TokenVerifier;
import dev.authstack.api.problems.boundary.Problem;
import dev.authstack.api.problems.entity.ProblemException;
import dev.authstack.api.revocation.control.Revocations;
import dev.authstack.api.security.entity.Caller;

/**
 * Guards the API: every request that carries a bearer token has it verified (syntax, signature, algorithm, issuer,
 * expiry) and checked against this instance's in-memory revocations before anything else runs. A bad or revoked
 * token is a 401; while revocations cannot be known (the feed from Redis is down) it is a 503: a token that could not
 * be checked is never let through. A request without a token continues as anonymous, and {@link AccessRules} refuses
 * it wherever a caller is needed. Mapped in web.xml; CORS, when configured, runs before it.
 */
public class BearerTokenFilter extends HttpFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    TokenVerifier verifier;

    @Inject
    Revocations revocations;

    @Inject
    BeanManager beans;

    /** Anonymous endpoints never look at a token: a stale token must not keep anyone from logging in again. */
    private AnonymousPaths tokenless;

    @Override
    public void init() {
        // Resources are CDI beans (each has a scope), so the bean manager knows them all before the first request.
        List<Class<?>> resources = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .<Class<?>>map(Bean::getBeanClass)
                .toList();
        tokenless = AnonymousPaths.of(ApiApplication.class, resources);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || tokenless.contains(request.getServletPath() + nullToEmpty(request.getPathInfo()))) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller;
        try {
            caller = authenticate(authorization);
        } catch (ProblemException failure) {
            Problem.of(failure).writeTo(response, failure.headers());
            return;
        }
        // On the container's own request too, where CDI's HttpServletRequest (the audit trail's) looks for it.
        request.setAttribute(Caller.class.getName(), caller);
        chain.doFilter(new AuthenticatedRequest(request, caller), response);
    }

    Caller authenticate(String authorization) {
        if (authorization.length() <= BEARER.length() || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new InvalidTokenException("The Authorization header must be 'Bearer <token>'.");
        }
        Caller caller = verifier.verify(authorization.substring(BEARER.length()).strip());
        revocations.refusal(caller).ifPresent(reason -> {
            throw new InvalidTokenException(reason);
        });
        return caller;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Makes the caller the request's principal, which JAX-RS's SecurityContext reads. */
    static class AuthenticatedRequest extends HttpServletRequestWrapper {

        private final Caller caller;

        AuthenticatedRequest(HttpServletRequest request, Caller caller) {
            super(request);
            this.caller = caller;
        }

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public String getRemoteUser() {
            return caller.username();
        }

        @Override
        public String getAuthType() {
            return "BEARER";
        }
    }
}
