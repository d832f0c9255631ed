package dev.authstack.api.metrics.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;

import dev.authstack.api.metrics.control.Metrics;

/**
 * Times every request to the API, from its arrival to its answer, by the endpoint that answered it. A servlet filter
 * in front of the bearer filter (web.xml), so the time includes the token's verification; a request refused before
 * any resource (the bearer filter's 401, an unknown path) is timed as {@link Metrics#NO_ENDPOINT}. {@link Endpoints}
 * names the endpoint once JAX-RS has matched one. CORS preflights, answered by their own filter in front, are not timed.
 */
public class RequestTimes extends HttpFilter {

    static final String ENDPOINT = RequestTimes.class.getName() + ".endpoint";

    @Inject
    Metrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object endpoint = request.getAttribute(ENDPOINT);
            metrics.requestTook(endpoint == null ? Metrics.NO_ENDPOINT : endpoint.toString(), Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
