package dev.authstack.web.hello;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;

import java.io.StringWriter;
import java.util.Map;

import dev.authstack.web.Messages;
import dev.authstack.web.api.ApiClient;
import dev.authstack.web.api.ApiUnavailableException;
import dev.authstack.web.session.ActiveUser;

@Named
@RequestScoped
public class HelloBacking {

    @Inject
    ApiClient api;

    @Inject
    ActiveUser activeUser;

    private JsonObject greeting;

    @PostConstruct
    void load() {
        try {
            greeting = api.hello(activeUser.token());
        } catch (ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
    }

    public String getMessage() {
        return greeting == null ? null : greeting.getString("message");
    }

    /** The API's answer as it came, pretty-printed. */
    public String getJson() {
        if (greeting == null) {
            return null;
        }
        StringWriter out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.write(greeting);
        }
        return out.toString().strip();
    }
}
