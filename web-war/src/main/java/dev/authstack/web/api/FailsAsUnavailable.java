package dev.authstack.web.api;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.ProcessingException;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API that does not answer (refused connection, time-out) is an {@link ApiUnavailableException}, like one that
 * answers 503: the client throws {@link ProcessingException} for it, which no {@code ResponseExceptionMapper} sees.
 * MicroProfile Rest Client honours interceptor bindings on the interface.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface FailsAsUnavailable {

    @FailsAsUnavailable
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    class Translation {

        @AroundInvoke
        Object translate(InvocationContext call) throws Exception {
            try {
                return call.proceed();
            } catch (ProcessingException e) {
                throw new ApiUnavailableException(e);
            }
        }
    }
}
