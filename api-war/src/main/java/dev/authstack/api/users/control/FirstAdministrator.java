package dev.authstack.api.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.authstack.api.contract.NewUser;
import dev.authstack.api.users.entity.User;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * The first administrator of a deployment, from {@code ADMIN_USERNAME} and {@code ADMIN_PASSWORD} (and optionally
 * {@code ADMIN_EMAIL}), created at start-up only when the database has no administrator at all, as Keycloak's
 * bootstrap admin is. A password that breaks the rules stops the deployment: an API nobody can administer is worse
 * than one that does not start. Also warns loudly while an active administrator still has the development seed's
 * password, {@code admin123}.
 */
@ApplicationScoped
public class FirstAdministrator {

    static final String DEVELOPMENT_PASSWORD = "admin123";
    private static final System.Logger LOG = System.getLogger(FirstAdministrator.class.getName());

    @Inject
    @ConfigProperty(name = "admin.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "admin.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "admin.email")
    Optional<String> email;

    @Inject
    UserStore store;

    @Inject
    PasswordHasher hasher;

    @Inject
    Validator validator;

    @Inject
    FirstAdministrator self;

    void atStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (username.isPresent() && password.isPresent()) {
            NewUser administrator = new NewUser(username.get(), email.orElse(username.get() + "@example.invalid"), password.get(), true);
            Set<ConstraintViolation<NewUser>> violations = validator.validate(administrator);
            if (!violations.isEmpty()) {
                // The messages name the rules, never the password.
                throw new IllegalStateException("ADMIN_USERNAME / ADMIN_PASSWORD / ADMIN_EMAIL break the rules: " + violations.stream()
                        .map(violation -> violation.getPropertyPath() + " " + violation.getMessage()).sorted().collect(Collectors.joining("; ")));
            }
            if (self.createIfNone(administrator)) {
                LOG.log(INFO, "created the first administrator, {0}, from ADMIN_USERNAME and ADMIN_PASSWORD", username.get());
            }
        }
        for (User administrator : self.activeAdministrators()) {
            if (hasher.matches(DEVELOPMENT_PASSWORD, administrator.passwordHash())) {
                LOG.log(WARNING, """

                        ****************************************************************************************
                        * WARNING: administrator "{0}" still has the development password. Anyone who reads   *
                        * the README can log in as it. Change it (PUT /api/v1/users/{1}) before anyone else can *
                        * reach this server; deployments set ADMIN_USERNAME and ADMIN_PASSWORD instead.        *
                        ****************************************************************************************""",
                        administrator.username(), String.valueOf(administrator.id()));
            }
        }
    }

    @Transactional
    public boolean createIfNone(NewUser administrator) {
        return store.createFirstAdministrator(administrator);
    }

    @Transactional
    public java.util.List<User> activeAdministrators() {
        return store.activeAdministrators();
    }
}
