package dev.authstack.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Page messages that survive the redirect after a POST (the flash keeps them for one more request). */
public final class Messages {

    private Messages() {
    }

    public static void info(String message) {
        add(FacesMessage.SEVERITY_INFO, null, message);
    }

    public static void error(String message) {
        add(FacesMessage.SEVERITY_ERROR, null, message);
    }

    /** A message shown next to one input: clientId is the component's, e.g. {@code create:email}. */
    public static void fieldError(String clientId, String message) {
        add(FacesMessage.SEVERITY_ERROR, clientId, message);
    }

    private static void add(FacesMessage.Severity severity, String clientId, String message) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(clientId, new FacesMessage(severity, message, null));
        context.getExternalContext().getFlash().setKeepMessages(true);
    }
}
