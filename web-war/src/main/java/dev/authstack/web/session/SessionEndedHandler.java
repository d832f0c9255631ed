package dev.authstack.web.session;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import dev.authstack.web.api.SessionEndedException;

/**
 * When the API stops accepting the session's token, wherever the page noticed it (an action, a page load), the
 * session ends and the user lands on the login page with a message, never on an error page.
 * Registered in faces-config.xml.
 */
public class SessionEndedHandler extends ExceptionHandlerFactory {

    public SessionEndedHandler(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                if (sessionEnded(events.next().getContext().getException())) {
                    events.remove();
                    FacesContext context = FacesContext.getCurrentInstance();
                    var external = context.getExternalContext();
                    external.invalidateSession();
                    try {
                        external.redirect(external.getRequestContextPath() + "/login.xhtml?expired=true");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    context.responseComplete();
                }
            }
            getWrapped().handle();
        }

        /** Faces and EL wrap what a backing bean threw: every cause is looked at; one that is its own cause ends the walk. */
        private static boolean sessionEnded(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof SessionEndedException) {
                    return true;
                }
            }
            return false;
        }
    }
}
