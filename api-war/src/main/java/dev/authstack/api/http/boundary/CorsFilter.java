package dev.authstack.api.http.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS for the origins in {@code CORS_ALLOWED_ORIGINS} (comma separated; empty allows none). Preflights are answered
 * here, before the bearer filter, since browsers send them without credentials. Mapped in web.xml.
 */
public class CorsFilter extends HttpFilter {

    // Read through Config: Payara cannot inject an Optional<List<String>> config property into a servlet filter.
    @Inject
    Config config;

    private Set<String> allowedOrigins;

    @Override
    public void init() {
        allowedOrigins = config.getOptionalValue("cors.allowed.origins", String.class).stream()
                .flatMap(origins -> Arrays.stream(origins.split(",")))
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        boolean allowed = origin != null && allowedOrigins.contains(origin);
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", "Location, WWW-Authenticate");
        }
        response.addHeader("Vary", "Origin");
        boolean preflight = "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
        if (!preflight) {
            chain.doFilter(request, response);
            return;
        }
        if (allowed) {
            response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
            response.setHeader("Access-Control-Max-Age", "600");
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
