package dev.authstack.api.problems.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** The framework's own refusals (unknown path, wrong method, wrong media type, unreadable body) as problems. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException failure) {
        Response original = failure.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return ThrowableMapper.problemFor(failure);
        }
        if (status == 400 && MalformedBodies.isMalformedBody(failure)) {
            return MalformedBodies.problemFor(failure).toResponse(Map.of());
        }
        String detail = switch (status) {
            case 404 -> "There is no resource at this path.";
            case 405 -> "This resource does not support that method; see the Allow header.";
            case 406 -> "This resource answers only application/json.";
            case 415 -> "The request body must be application/json.";
            default -> failure.getMessage();
        };
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        Map<String, String> headers = allow == null ? Map.of() : Map.of(HttpHeaders.ALLOW, allow);
        return Problem.plain(status, detail).toResponse(headers);
    }
}
