package dev.authstack.api.auth.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;

import dev.authstack.api.auth.control.AdminRequiredException;
import dev.authstack.api.auth.control.AuthenticationRequiredException;
import dev.authstack.api.security.boundary.AdminOnly;
import dev.authstack.api.security.boundary.Anonymous;
import dev.authstack.api.security.entity.Caller;

/**
 * Authorization, decided per resource method: the servlet filter has already established who the caller is (or that
 * there is none); this asks whether that is enough. Deny by default: only {@link Anonymous} resources are open.
 * Paths without a resource get no rule and so answer 404, token or not.
 */
@Provider
public class AccessRules implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (annotated(resource, Anonymous.class)) {
            return;
        }
        context.register(annotated(resource, AdminOnly.class) ? new RequireAdmin() : new RequireCaller());
    }

    private static boolean annotated(ResourceInfo resource, Class<? extends Annotation> rule) {
        return resource.getResourceMethod().isAnnotationPresent(rule) || resource.getResourceClass().isAnnotationPresent(rule);
    }

    @Priority(Priorities.AUTHORIZATION)
    static class RequireCaller implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            caller(request);
        }

        static Caller caller(ContainerRequestContext request) {
            if (request.getSecurityContext().getUserPrincipal() instanceof Caller caller) {
                return caller;
            }
            throw new AuthenticationRequiredException();
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    static class RequireAdmin implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            if (!RequireCaller.caller(request).admin()) {
                throw new AdminRequiredException();
            }
        }
    }
}
