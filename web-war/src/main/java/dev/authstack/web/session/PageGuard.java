package dev.authstack.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Every response gets the security headers; every page but the login and error pages needs a signed-in user, and the
 * admin pages an administrator (others get the 403 page, in the layout). Pages are never cached, so the back button
 * after logout shows nothing.
 */
@WebFilter("/*")
public class PageGuard extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Inject
    ActiveUser activeUser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        String path = request.getServletPath();
        if (isStatic(path)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        if (isPublic(path)) {
            chain.doFilter(request, response);
        } else if (!activeUser.isLoggedIn()) {
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
        } else if (path.startsWith("/admin/") && !activeUser.isAdmin()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean isStatic(String path) {
        return path.startsWith("/webjars/") || path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/")
                || path.startsWith("/docs/");
    }

    private static boolean isPublic(String path) {
        // /health, /metrics and /openapi are Payara's MicroProfile Health, Metrics and OpenAPI endpoints: Payara adds
        // their servlets to the web app at the root context, so they pass through this filter. The API documents itself
        // to anyone; nginx keeps /metrics from the public.
        return path.equals("/login.xhtml") || path.startsWith("/error/") || path.startsWith("/health") || path.startsWith("/metrics")
                || path.equals("/openapi") || path.startsWith("/openapi/") || path.equals("/docs");
    }
}
