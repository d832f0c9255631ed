package dev.authstack.api.http.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** API answers are personal: never cached by a shared cache, never sniffed into another content type. */
@Provider
public class ResponseHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putIfAbsent("Cache-Control", java.util.List.of("no-store"));
        headers.putSingle("X-Content-Type-Options", "nosniff");
    }
}
