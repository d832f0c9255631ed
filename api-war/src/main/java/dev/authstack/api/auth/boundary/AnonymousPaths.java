package dev.authstack.api.auth.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.authstack.api.security.boundary.Anonymous;

/**
 * The request paths of the {@link Anonymous} resource methods, read from the resources themselves, so that
 * {@code @Anonymous} is the only place a public endpoint is declared: {@link AccessRules} lets such a request through
 * without a caller, and {@link BearerTokenFilter} does not even look at a token sent to it.
 * Paths are relative to the WAR, as a servlet filter sees them ({@code /v1/auth/login}); a template segment
 * ({@code {id}}) matches any one segment.
 */
final class AnonymousPaths {

    private final Set<Pattern> patterns;

    private AnonymousPaths(Set<Pattern> patterns) {
        this.patterns = patterns;
    }

    static AnonymousPaths of(Class<?> application, Collection<Class<?>> resources) {
        String root = application.getAnnotation(ApplicationPath.class).value();
        return new AnonymousPaths(resources.stream()
                .filter(resource -> resource.isAnnotationPresent(Path.class))
                .flatMap(resource -> anonymousPaths(root, resource))
                .map(AnonymousPaths::pattern)
                .collect(Collectors.toUnmodifiableSet()));
    }

    boolean contains(String path) {
        return patterns.stream().anyMatch(pattern -> pattern.matcher(path).matches());
    }

    private static Stream<String> anonymousPaths(String root, Class<?> resource) {
        boolean wholeClass = resource.isAnnotationPresent(Anonymous.class);
        String base = join(root, resource.getAnnotation(Path.class).value());
        return Stream.of(resource.getMethods())
                .filter(AnonymousPaths::isResourceMethod)
                .filter(method -> wholeClass || method.isAnnotationPresent(Anonymous.class))
                .map(method -> method.isAnnotationPresent(Path.class) ? join(base, method.getAnnotation(Path.class).value()) : base);
    }

    private static boolean isResourceMethod(Method method) {
        return method.isAnnotationPresent(Path.class) || Stream.of(method.getAnnotations())
                .anyMatch(annotation -> annotation.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class));
    }

    private static String join(String base, String path) {
        return ("/" + base + "/" + path).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    private static Pattern pattern(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }
}
