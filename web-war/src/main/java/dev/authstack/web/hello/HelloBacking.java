package dev.authstack.web.hello;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.authstack.api.contract.Greeting;
import dev.authstack.web.Messages;
import dev.authstack.web.api.ApiClient;
import dev.authstack.web.api.ApiUnavailableException;
import dev.authstack.web.session.ActiveUser;

@Named
@RequestScoped
public class HelloBacking {

    /** JSON-B writes the greeting back as the API's JSON: the names come from the contract's record. */
    private static final Jsonb PRETTY = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    @Inject
    @RestClient
    ApiClient api;

    @Inject
    ActiveUser activeUser;

    private Greeting greeting;

    @PostConstruct
    void load() {
        try {
            greeting = api.hello(activeUser.bearer());
        } catch (ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
    }

    public String getMessage() {
        return greeting == null ? null : greeting.message();
    }

    /** The API's answer, pretty-printed. */
    public String getJson() {
        return greeting == null ? null : PRETTY.toJson(greeting).strip();
    }
}
