package dev.authstack.api.auth.control;

/** The {@code WWW-Authenticate} values of RFC 6750: a bare challenge, or one naming what was wrong with a token. */
public enum BearerChallenge {
    NO_TOKEN, INVALID_TOKEN;

    private static final String REALM = "Bearer realm=\"auth-stack\"";

    public String with(String description) {
        if (this == NO_TOKEN) {
            return REALM;
        }
        return REALM + ", error=\"invalid_token\", error_description=\"" + description.replace('"', '\'') + "\"";
    }
}
