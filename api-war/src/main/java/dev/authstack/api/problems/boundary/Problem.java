package dev.authstack.api.problems.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.authstack.api.problems.entity.ProblemException;

/**
 * An RFC 9457 problem document. Both JAX-RS (through the mappers) and the servlet filters, which answer before
 * JAX-RS is reached, write problems through this one class so that every error looks the same.
 */
public record Problem(int status, String type, String title, String detail, JsonObject extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:problem-type:auth-stack:";

    public Problem(int status, String type, String title, String detail) {
        this(status, type, title, detail, JsonObject.EMPTY_JSON_OBJECT);
    }

    /** A problem that is nothing but its HTTP status: type about:blank, the reason phrase as title (RFC 9457, 4.2.1). */
    public static Problem plain(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return new Problem(status, "about:blank", known == null ? "HTTP " + status : known.getReasonPhrase(), detail);
    }

    public static Problem of(ProblemException failure) {
        return new Problem(failure.status(), failure.type(), failure.title(), failure.getMessage());
    }

    public Problem with(String name, JsonValue value) {
        return new Problem(status, type, title, detail, Json.createObjectBuilder(extensions).add(name, value).build());
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", "about:blank".equals(type) ? type : TYPE_PREFIX + type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        extensions.forEach(json::add);
        return json.build();
    }

    public Response toResponse(Map<String, String> headers) {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(toJson().toString());
        headers.forEach(response::header);
        return response.build();
    }

    public void writeTo(HttpServletResponse response, Map<String, String> headers) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.forEach(response::setHeader);
        response.getWriter().write(toJson().toString());
    }
}
