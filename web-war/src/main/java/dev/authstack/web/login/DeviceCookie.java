package dev.authstack.web.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import java.util.regex.Pattern;

import dev.authstack.api.contract.Credentials;
import dev.authstack.api.contract.LoginResponse;

/**
 * The browser's device token (docs/security-hardening.md, part 1), in a cookie of its own: {@code __Host-device},
 * HttpOnly (no script reads it), Secure, {@code Path=/} and no Domain (what the {@code __Host-} prefix demands, so no
 * other host or path can plant or shadow it), SameSite=Strict. The login page sends it with every login and replaces
 * it with the one the answer carries; logging out leaves it, since it is the device that is known, not the session.
 * <p>
 * Secure always, also for a request that came over plain HTTP: browsers keep a Secure cookie from http://localhost
 * (a secure context), and elsewhere over plain HTTP they drop it, and such a browser then simply logs in as one
 * without a device token, throttled per account.
 */
@RequestScoped
public class DeviceCookie {

    static final String NAME = "__Host-device";
    /** A cookie value the API might have issued: anything else (too long, other characters) is not sent. */
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._-]{1," + Credentials.DEVICE_TOKEN_MAX_LENGTH + "}");

    @Inject
    ExternalContext externalContext;

    /** The device token this browser sent, or null when it sent none that could be one. */
    public String token() {
        Object cookie = externalContext.getRequestCookieMap().get(NAME);
        if (cookie instanceof Cookie deviceCookie && deviceCookie.getValue() != null
                && VALUE.matcher(deviceCookie.getValue()).matches()) {
            return deviceCookie.getValue();
        }
        return null;
    }

    /** Keeps the device token of a login's answer in place of the one sent, for as long as it is good. */
    public void keep(LoginResponse login) {
        String token = login.deviceToken();
        // Checked, because it goes into a header: a value outside the cookie's alphabet would be another header's start.
        if (token == null || login.deviceExpiresIn() == null || !VALUE.matcher(token).matches()) {
            return;
        }
        // Written as a header: Payara ignores Cookie attributes it does not know (SameSite), and the order is ours.
        ((HttpServletResponse) externalContext.getResponse()).addHeader("Set-Cookie", NAME + "=" + token
                + "; Max-Age=" + login.deviceExpiresIn() + "; Path=/; Secure; HttpOnly; SameSite=Strict");
    }
}
