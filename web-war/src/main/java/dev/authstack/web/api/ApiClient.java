package dev.authstack.web.api;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Calls the API with the session's bearer token; one thread-safe JAX-RS client for the whole application. */
@ApplicationScoped
public class ApiClient {

    @Inject
    @ConfigProperty(name = "api.base.url")
    String baseUrl;

    private Client client;

    /** What a successful login hands over: the token (kept in the HTTP session only) and the user. */
    public record Login(String token, JsonObject user) {

        @Override
        public String toString() {
            return "Login[user=" + user.getString("username") + "]";
        }
    }

    @PostConstruct
    void connect() {
        client = ClientBuilder.newBuilder()
                .connectTimeout(3, TimeUnit.SECONDS)
                .readTimeout(15, TimeUnit.SECONDS)
                .build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Login login(String username, String password) {
        JsonObject body = Json.createObjectBuilder().add("username", username).add("password", password).build();
        JsonObject answer = (JsonObject) call("POST", "auth/login", null, body);
        return new Login(answer.getString("access_token"), answer.getJsonObject("user"));
    }

    public void logout(String token) {
        call("POST", "auth/logout", token, null);
    }

    public JsonObject me(String token) {
        return (JsonObject) call("GET", "me", token, null);
    }

    public JsonObject hello(String token) {
        return (JsonObject) call("GET", "hello", token, null);
    }

    public JsonArray users(String token) {
        return (JsonArray) call("GET", "users", token, null);
    }

    public JsonObject register(String token, JsonObject user) {
        return (JsonObject) call("POST", "register", token, user);
    }

    public JsonObject update(String token, long id, JsonObject changes) {
        return (JsonObject) call("PUT", "users/" + id, token, changes);
    }

    public void delete(String token, long id) {
        call("DELETE", "users/" + id, token, null);
    }

    private JsonValue call(String method, String path, String token, JsonObject body) {
        Invocation.Builder request = client.target(baseUrl).path(path).request(MediaType.APPLICATION_JSON_TYPE);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (Response response = body == null ? request.method(method) : request.method(method, Entity.json(body.toString()))) {
            int status = response.getStatus();
            if (status == 204) {
                return JsonValue.NULL;
            }
            if (status >= 200 && status < 300) {
                return response.readEntity(JsonValue.class);
            }
            if (status == 401 && token != null) {
                throw new SessionEndedException();
            }
            if (status >= 500) {
                throw new ApiUnavailableException(null);
            }
            throw problem(status, response);
        } catch (ProcessingException e) {
            throw new ApiUnavailableException(e);
        }
    }

    private static ApiProblemException problem(int status, Response response) {
        JsonObject problem;
        try {
            problem = response.readEntity(JsonObject.class);
        } catch (RuntimeException e) {
            return new ApiProblemException(status, "The request was refused (HTTP " + status + ").", Map.of());
        }
        Map<String, String> fields = new HashMap<>();
        if (problem.containsKey("errors")) {
            problem.getJsonArray("errors").getValuesAs(JsonObject.class)
                    .forEach(error -> fields.merge(error.getString("field", ""), error.getString("message", ""), (a, b) -> a + "; " + b));
        }
        return new ApiProblemException(status, problem.getString("detail", "The request was refused."), fields);
    }
}
