package dev.authstack.web.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.authstack.web.Messages;
import dev.authstack.web.UserRow;
import dev.authstack.web.api.ApiClient;
import dev.authstack.web.api.ApiUnavailableException;
import dev.authstack.web.session.ActiveUser;

@Named
@RequestScoped
public class DashboardBacking {

    @Inject
    @RestClient
    ApiClient api;

    @Inject
    ActiveUser activeUser;

    private UserRow me;

    @PostConstruct
    void load() {
        try {
            me = new UserRow(api.me(activeUser.bearer()));
        } catch (ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
    }

    public UserRow getMe() {
        return me;
    }
}
