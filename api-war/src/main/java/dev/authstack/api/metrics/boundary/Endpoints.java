package dev.authstack.api.metrics.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names the endpoint JAX-RS matched, as its method and path template ({@code GET /users/{id}}), for
 * {@link RequestTimes}: a template, never the path itself, so that a user id or anything a client writes into the path
 * cannot make a new line of metrics.
 */
@Provider
public class Endpoints implements ContainerRequestFilter {

    private static final Map<Method, String> NAMES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method != null) {
            servletRequest.setAttribute(RequestTimes.ENDPOINT, NAMES.computeIfAbsent(method, found -> nameOf(resource.getResourceClass(), found)));
        }
    }

    static String nameOf(Class<?> type, Method method) {
        String verb = Arrays.stream(method.getAnnotations()).map(Annotation::annotationType)
                .map(annotation -> annotation.getAnnotation(HttpMethod.class)).filter(Objects::nonNull)
                .map(HttpMethod::value).findFirst().orElse("ANY");
        return verb + " " + join(template(pathOf(type)), template(method.getAnnotation(Path.class)));
    }

    /** A CDI proxy of the resource is a subclass, and @Path is not inherited. */
    private static Path pathOf(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Path.class)) {
                return c.getAnnotation(Path.class);
            }
        }
        return null;
    }

    private static String template(Path path) {
        return path == null ? "" : path.value().replaceAll("^/+|/+$", "");
    }

    private static String join(String type, String method) {
        return "/" + (method.isEmpty() ? type : type.isEmpty() ? method : type + "/" + method);
    }
}
