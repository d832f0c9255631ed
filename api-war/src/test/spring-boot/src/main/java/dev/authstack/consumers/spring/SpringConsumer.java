package dev.authstack.consumers.spring;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The consumer's whole code. Spring Boot's resource server protects every path (any valid token of ours), and
 * {@code /admin} asks for our "admin" group, as the MicroProfile JWT consumer does with the same annotation.
 */
@SpringBootApplication
@EnableMethodSecurity(jsr250Enabled = true)
@RestController
public class SpringConsumer {

    public static void main(String[] args) {
        SpringApplication.run(SpringConsumer.class, args);
    }

    /** The same answer as our own {@code GET /api/v1/hello}, so that make bench compares like with like. */
    @GetMapping("/hello")
    Map<String, String> hello(@AuthenticationPrincipal Jwt token) {
        return Map.of("message", "hello world", "user", token.getClaimAsString("preferred_username"));
    }

    @GetMapping("/admin")
    @RolesAllowed("admin")
    String admin(@AuthenticationPrincipal Jwt token) {
        return "admin " + token.getClaimAsString("preferred_username");
    }

    @GetMapping("/whoami")
    String whoami(@AuthenticationPrincipal Jwt token) {
        return token.getClaimAsString("preferred_username") + " " + token.getClaimAsStringList("groups") + " " + token.getIssuer();
    }
}
