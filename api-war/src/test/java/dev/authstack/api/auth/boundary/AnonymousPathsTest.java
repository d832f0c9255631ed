package dev.authstack.api.auth.boundary;

import org.junit.jupiter.api.Test;

import java.util.List;

import dev.authstack.api.ApiApplication;
import dev.authstack.api.health.boundary.StatusResource;
import dev.authstack.api.hello.boundary.HelloResource;
import dev.authstack.api.users.boundary.MeResource;
import dev.authstack.api.users.boundary.UsersResource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnonymousPathsTest {

    final AnonymousPaths cut = AnonymousPaths.of(ApiApplication.class, List.of(AuthResource.class, StatusResource.class,
            HelloResource.class, MeResource.class, UsersResource.class, String.class));

    @Test
    void theAnonymousMethodsAndClassesAreTokenless() {
        assertTrue(cut.contains("/v1/auth/login"));
        assertTrue(cut.contains("/v1/status"));
        assertTrue(cut.contains("/v1/status/"));
    }

    @Test
    void everythingElseLooksAtTheToken() {
        assertFalse(cut.contains("/v1/auth/logout"), "a method beside an anonymous one");
        assertFalse(cut.contains("/v1/hello"));
        assertFalse(cut.contains("/v1/me"));
        assertFalse(cut.contains("/v1/users"));
        assertFalse(cut.contains("/v1/users/1"));
        assertFalse(cut.contains("/v1/auth/login/extra"));
        assertFalse(cut.contains("/v1/statusx"));
        assertFalse(cut.contains("/auth/login"), "outside the application path");
    }
}
