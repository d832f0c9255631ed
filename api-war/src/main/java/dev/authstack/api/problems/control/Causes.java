package dev.authstack.api.problems.control;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * A failure and the causes it wraps, outermost first. The API must look through wrappers (JAX-RS, EclipseLink, the
 * JDBC pool and CDI each add their own) to find what really failed, so the walk is written once, here, beside the
 * mappers that need it most. A cause that is its own cause ends the walk. Not in {@code contract}: it is a helper, not
 * part of what the two WARs agree on.
 */
public final class Causes {

    private Causes() {
    }

    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, cause -> cause != null, cause -> cause.getCause() == cause ? null : cause.getCause());
    }

    /** The outermost failure of the chain that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return of(failure).filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The innermost cause: what actually went wrong. */
    public static Throwable root(Throwable failure) {
        return of(failure).reduce((outer, inner) -> inner).orElse(failure);
    }
}
