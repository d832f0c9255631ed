package dev.authstack.api.problems.boundary;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import dev.authstack.it.Api;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Every error is RFC 9457 problem+json with type, title, status and detail, and never a stack trace or HTML. */
class ProblemsIT {

    final Api api = Api.ofTestStack();
    final String admin = api.loginAsAdmin();

    @Test
    void unknownPathsAre404ProblemsWithOrWithoutAToken() {
        Api.assertProblem(api.get("no-such-thing", admin), 404);
        Api.assertProblem(api.get("no-such-thing", null), 404);
        Api.assertProblem(new Api(TestStack.get().baseUri()).get("api/elsewhere", null), 404);
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        Api.Answer answer = api.delete("hello", admin);
        Api.assertProblem(answer, 405);
        assertNotNull(answer.header("Allow"));
    }

    @Test
    void aWrongMediaTypeIs415() {
        Api.Answer answer = api.send(api.request("register", admin)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi")));
        Api.assertProblem(answer, 415);
    }

    @Test
    void malformedJsonIs400() {
        Api.assertProblem(api.post("register", "{\"username\": \"x\",", admin), 400);
        Api.assertProblem(api.post("register", "[1, 2]", admin), 400);
        Api.assertProblem(api.post("register", "not json at all", admin), 400);
    }

    @Test
    void wrongValueTypesAre400NotCoerced() {
        String wrongBoolean = "{\"username\":\"typed1\",\"email\":\"typed1@example.com\",\"password\":\"password-1\",\"is_admin\":\"yes\"}";
        String numberAsName = "{\"username\":12345,\"email\":\"typed2@example.com\",\"password\":\"password-1\"}";
        Api.assertProblem(api.post("register", wrongBoolean, admin), 400);
        Api.assertProblem(api.post("register", numberAsName, admin), 400);
        assertFalse(api.get("users", admin).body().contains("typed1"), "nothing was created");
    }

    @Test
    void anEmptyBodyIs400() {
        Api.assertProblem(api.post("register", "", admin), 400);
        Api.assertProblem(api.put("users/1", "", admin), 400);
    }

    @Test
    void aBodyOver64KiBIs413WhetherDeclaredOrChunked() {
        String oversized = "{\"username\":\"" + "a".repeat(70_000) + "\"}";
        Api.assertProblem(api.post("register", oversized, admin), 413);

        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofString(oversized)); // no length: sent chunked
        Api.Answer answer = api.send(api.request("register", admin).header("Content-Type", "application/json").POST(chunked));
        Api.assertProblem(answer, 413);
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        String padded = "{\"username\":\"ab\",\"pad\":\"" + "a".repeat(60_000) + "\"}";
        Api.assertProblem(api.post("register", padded, admin), 400); // read and validated, not refused for size
    }
}
