package dev.authstack.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Tells the API who the browser is: the X-Forwarded-For the web app received with the address it saw appended, as
 * every proxy does. Behind nginx, what it received is the browser's address alone (nginx replaces the header, see
 * containers/nginx/nginx.conf) and the address it saw is nginx's; without nginx, a header the browser wrote itself is
 * left of the browser's own address, where nobody believes it. The API (and nginx, when the web app calls the API
 * through it) reads the header from the right, past its trusted proxies only, and then throttles and audits logins per
 * person rather than per web server.
 */
@ApplicationScoped
public class ForwardedFor implements ClientHeadersFactory {

    static final String HEADER = "X-Forwarded-For";

    @Inject
    HttpServletRequest request;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String browser;
        String forwarded;
        try {
            browser = request.getRemoteAddr();
            forwarded = request.getHeader(HEADER);
        } catch (RuntimeException noRequest) {
            return headers; // called outside a page request: nobody to speak for
        }
        headers.putSingle(HEADER, forwarded == null || forwarded.isBlank() ? browser : forwarded + ", " + browser);
        // The browser's own, so that a user's list of sessions names their browsers, not the web app's HTTP client.
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        if (userAgent != null) {
            headers.putSingle(HttpHeaders.USER_AGENT, userAgent);
        }
        return headers;
    }
}
