package dev.authstack.api.http.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS for the origins in {@code CORS_ALLOWED_ORIGINS} (comma separated; empty allows none). Preflights are answered
 * here, before the bearer filter, since browsers send them without credentials. Registered by {@link Registration},
 * and only when some origin is allowed: with none, the filter would only add work to every request.
 */
public class CorsFilter extends HttpFilter {

    private final Set<String> allowedOrigins;

    CorsFilter(Set<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    /** Puts the filter in front of every other on the API's paths when the configuration allows an origin. */
    @WebListener
    public static class Registration implements ServletContextListener {

        // Read through Config: Payara cannot inject an Optional<List<String>> config property.
        @Inject
        Config config;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            Set<String> origins = config.getOptionalValue("cors.allowed.origins", String.class).stream()
                    .flatMap(list -> Arrays.stream(list.split(",")))
                    .map(String::strip)
                    .filter(origin -> !origin.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
            if (!origins.isEmpty()) {
                event.getServletContext().addFilter("cors", new CorsFilter(origins))
                        // isMatchAfter false: before the filters web.xml declares, the bearer filter among them.
                        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/v1/*");
            }
        }
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
