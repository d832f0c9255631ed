package dev.authstack.api.contract;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * A failure and the causes it wraps, outermost first. Both WARs must look through wrappers (JAX-RS, EclipseLink, the
 * JDBC pool, CDI and Faces each add their own) to find what really failed, so the walk is written once, here, beside
 * the contract both depend on. A cause that is its own cause ends the walk.
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
