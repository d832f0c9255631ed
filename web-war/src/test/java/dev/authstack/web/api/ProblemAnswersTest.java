package dev.authstack.web.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.authstack.api.contract.ProblemDocument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Which answer of the API becomes which exception the pages act on. */
class ProblemAnswersTest {

    final ProblemAnswers cut = new ProblemAnswers();

    @Test
    void aRefusedTokenEndsTheSession() {
        assertInstanceOf(SessionEndedException.class, cut.toThrowable(answer(401, null,
                Map.of("WWW-Authenticate", "Bearer realm=\"auth-stack\", error=\"invalid_token\", error_description=\"expired\""))));
    }

    @Test
    void aFailedLoginIsARefusalNotAnEndedSession() {
        ProblemDocument wrongPassword = new ProblemDocument("urn:problem-type:auth-stack:invalid-credentials", "Invalid Credentials",
                401, "Invalid username or password.", null, null);
        ApiProblemException refused = assertInstanceOf(ApiProblemException.class, cut.toThrowable(answer(401, wrongPassword,
                Map.of("WWW-Authenticate", "Bearer realm=\"auth-stack\""))));
        assertEquals(401, refused.status());
        assertEquals("Invalid username or password.", refused.getMessage());
    }

    @Test
    void throttlingWaitsAsLongAsTheApiSays() {
        assertEquals(17, assertInstanceOf(ThrottledException.class, cut.toThrowable(answer(429, null, Map.of("Retry-After", "17"))))
                .retryAfterSeconds());
    }

    @Test
    void throttlingWithoutAReadableRetryAfterWaitsAMinute() {
        assertEquals(60, assertInstanceOf(ThrottledException.class, cut.toThrowable(answer(429, null, Map.of()))).retryAfterSeconds());
        assertEquals(60, assertInstanceOf(ThrottledException.class,
                cut.toThrowable(answer(429, null, Map.of("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")))).retryAfterSeconds());
    }

    @Test
    void anyServerErrorIsUnavailability() {
        assertInstanceOf(ApiUnavailableException.class, cut.toThrowable(answer(503, null, Map.of())));
        assertInstanceOf(ApiUnavailableException.class, cut.toThrowable(answer(500, null, Map.of())));
    }

    @Test
    void fieldErrorsAreKeyedByFieldAndJoined() {
        ProblemDocument invalid = new ProblemDocument("urn:problem-type:auth-stack:validation-failed", "Invalid Request", 400,
                "2 fields are invalid.", null, List.of(new ProblemDocument.FieldError("password", "too short"),
                new ProblemDocument.FieldError("email", "must be an e-mail address"),
                new ProblemDocument.FieldError("password", "too common")));
        ApiProblemException refused = assertInstanceOf(ApiProblemException.class, cut.toThrowable(answer(400, invalid, Map.of())));
        assertEquals(400, refused.status());
        assertEquals("2 fields are invalid.", refused.getMessage());
        assertEquals(Map.of("password", "too short; too common", "email", "must be an e-mail address"), refused.fieldErrors());
    }

    @Test
    void theTitleStandsInForAMissingDetail() {
        ProblemDocument conflict = new ProblemDocument("urn:problem-type:auth-stack:duplicate-user", "Duplicate User", 409, null,
                null, null);
        assertEquals("Duplicate User", cut.toThrowable(answer(409, conflict, Map.of())).getMessage());
    }

    @Test
    void anAnswerThatIsNoProblemDocumentTellsItsStatus() {
        ApiProblemException refused = assertInstanceOf(ApiProblemException.class, cut.toThrowable(answer(404, null, Map.of())));
        assertEquals(404, refused.status());
        assertEquals("The request was refused (HTTP 404).", refused.getMessage());
        assertEquals(Map.of(), refused.fieldErrors());
    }

    /** An answer with a status, headers and a problem document, or a body that is none (reading it fails). */
    private static Response answer(int status, ProblemDocument problem, Map<String, String> headers) {
        return new Answer(status, problem, headers);
    }

    /** Only what ProblemAnswers reads: no JAX-RS implementation is needed to build one. */
    private static final class Answer extends Response {

        private final int status;
        private final ProblemDocument problem;
        private final Map<String, String> headers;

        Answer(int status, ProblemDocument problem, Map<String, String> headers) {
            this.status = status;
            this.problem = problem;
            this.headers = headers;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public String getHeaderString(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        @Override
        public <T> T readEntity(Class<T> type) {
            if (problem == null) {
                throw new IllegalStateException("not a problem document");
            }
            return type.cast(problem);
        }

        @Override
        public StatusType getStatusInfo() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getEntity() {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T readEntity(GenericType<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T readEntity(Class<T> type, Annotation[] annotations) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T readEntity(GenericType<T> type, Annotation[] annotations) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasEntity() {
            return problem != null;
        }

        @Override
        public boolean bufferEntity() {
            return false;
        }

        @Override
        public void close() {
        }

        @Override
        public MediaType getMediaType() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Locale getLanguage() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public Set<String> getAllowedMethods() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, NewCookie> getCookies() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EntityTag getEntityTag() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Date getDate() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Date getLastModified() {
            throw new UnsupportedOperationException();
        }

        @Override
        public URI getLocation() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<Link> getLinks() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasLink(String relation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Link getLink(String relation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Link.Builder getLinkBuilder(String relation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MultivaluedMap<String, Object> getMetadata() {
            throw new UnsupportedOperationException();
        }

        @Override
        public MultivaluedMap<String, String> getStringHeaders() {
            throw new UnsupportedOperationException();
        }
    }
}
