package dev.authstack.web.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.authstack.api.contract.ProblemDocument;

/**
 * Turns the API's error answers (RFC 9457 problem documents) into the exceptions the pages act on: the session's token
 * is no longer accepted, the service is down, or a refusal whose detail the user is shown.
 */
public class ProblemAnswers implements ResponseExceptionMapper<RuntimeException> {

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        // RFC 6750: a challenge naming an error means a token was sent and refused. A failed login has none.
        String challenge = response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE);
        if (status == 401 && challenge != null && challenge.contains("error=")) {
            return new SessionEndedException();
        }
        if (status == 429) {
            String retryAfter = response.getHeaderString("Retry-After");
            return new ThrottledException(retryAfter != null && retryAfter.matches("[0-9]{1,9}") ? Long.parseLong(retryAfter) : 60);
        }
        if (status >= 500) {
            return new ApiUnavailableException(null);
        }
        ProblemDocument problem = read(response);
        if (problem == null) {
            return new ApiProblemException(status, "The request was refused (HTTP " + status + ").", Map.of());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        problem.errors().forEach(error -> fields.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
        return new ApiProblemException(status, problem.detail() == null ? problem.title() : problem.detail(), fields);
    }

    private static ProblemDocument read(Response response) {
        try {
            return response.readEntity(ProblemDocument.class);
        } catch (RuntimeException e) {
            // Not a problem document (a proxy's page, say): the status is all there is to tell.
            return null;
        }
    }
}
