package dev.authstack.api.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.authstack.api.contract.CanonicalUsername;
import dev.authstack.api.contract.NewUser;
import dev.authstack.api.contract.UserChanges;
import dev.authstack.api.problems.control.Causes;
import dev.authstack.api.users.entity.User;
import dev.authstack.api.users.entity.UserAdministered;
import dev.authstack.api.users.entity.UserSecurityChanged;

/**
 * The users in PostgreSQL and the rules around them. Must run inside the caller's transaction. A change that voids a
 * user's tokens increments the user's security stamp in the database and fires {@link UserSecurityChanged} before the
 * transaction commits: whoever cannot take the news (Redis down) rolls the change back, so it never commits while
 * another instance could still accept the old tokens.
 */
@ApplicationScoped
public class UserStore {

    private static final String UNIQUE_VIOLATION = "23505";
    /** An arbitrary key of this application's own for pg_advisory_xact_lock. */
    private static final long FIRST_ADMINISTRATOR_LOCK = 0x6175746873746b01L;

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    Event<UserSecurityChanged> securityChanges;

    @Inject
    Event<UserAdministered> administered;

    /** One page of users in id order, and the id the next page starts after (null on the last page). */
    public record Page(List<User> users, Long lastId) {
    }

    /**
     * The users after {@code afterId} (null: from the first), in id order, at most {@code limit}; with a
     * {@code prefix}, only those whose username or e-mail address starts with it, regardless of case. Keyset, never
     * OFFSET: a page costs the same however deep it is, and a user created or deleted meanwhile shifts no other user
     * into a page already read or out of the next one. The prefix is matched literally ({@code %} and {@code _} too),
     * through the lower(...) text_pattern_ops indexes of sql/06-users-search.sql.
     */
    public Page page(String prefix, Long afterId, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT u FROM User u WHERE 1 = 1");
        if (prefix != null) {
            jpql.append(" AND (LOWER(u.username) LIKE :prefix ESCAPE '!' OR LOWER(u.email) LIKE :prefix ESCAPE '!')");
        }
        if (afterId != null) {
            jpql.append(" AND u.id > :after");
        }
        TypedQuery<User> query = em.createQuery(jpql.append(" ORDER BY u.id").toString(), User.class).setMaxResults(limit + 1);
        if (prefix != null) {
            query.setParameter("prefix", likePrefix(prefix));
        }
        if (afterId != null) {
            query.setParameter("after", afterId);
        }
        List<User> found = query.getResultList();
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<User> page = found.subList(0, limit);
        return new Page(page, page.get(limit - 1).id());
    }

    /** The text as a LIKE pattern that matches it literally at the start, lower-cased as the indexes are. */
    static String likePrefix(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return escaped + "%";
    }

    public User find(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new UserNotFoundException(id);
        }
        return user;
    }

    /** The user while it exists and is active: whom a refresh or a password change may still serve. */
    public Optional<User> findActive(long id) {
        return Optional.ofNullable(em.find(User.class, id)).filter(User::isActive);
    }

    /** Voids every token the user holds and so ends every session: logging out everywhere. */
    public void revokeTokens(long id) {
        User user = find(id);
        user.stampedWith(incrementSecurityStamp(id));
        securityChanges.fire(new UserSecurityChanged(id, user.securityStamp()));
    }

    /** The stored name, lower-cased by the database, is compared with the canonical form, never with what was typed. */
    public Optional<User> findByUsername(CanonicalUsername username) {
        return em.createNamedQuery(User.FIND_BY_USERNAME, User.class)
                .setParameter("username", username.value())
                .getResultStream()
                .findFirst();
    }

    public User create(NewUser request) {
        // A name outside the rule (ADMIN_USERNAME is not validated) has no twin: the schema's check refuses it.
        Optional<CanonicalUsername> username = CanonicalUsername.of(request.username());
        if (username.isPresent() && countOf(User.COUNT_BY_USERNAME, "username", username.get().value()) > 0) {
            throw new DuplicateUserException("username");
        }
        ensureEmailFree(request.email(), -1);
        User user = new User(request.username(), request.email(), hasher.hash(request.password()),
                Boolean.TRUE.equals(request.isAdmin()));
        em.persist(user);
        flush();
        administered.fire(new UserAdministered(UserAdministered.Kind.CREATED, user.id(), user.username(), List.of()));
        // Announced like any stamp, so that every instance knows the user before its first token arrives.
        securityChanges.fire(UserSecurityChanged.created(user.id()));
        return user;
    }

    /**
     * Creates the administrator only when there is none at all, under a database-wide lock: several instances starting
     * at once create it once. Answers whether it was created.
     */
    public boolean createFirstAdministrator(NewUser administrator) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + FIRST_ADMINISTRATOR_LOCK + ")").getSingleResult();
        long administrators = ((Number) em.createNativeQuery("SELECT count(*) FROM users WHERE is_admin").getSingleResult()).longValue();
        if (administrators > 0) {
            return false;
        }
        create(administrator);
        return true;
    }

    public List<User> activeAdministrators() {
        return em.createNamedQuery(User.ACTIVE_ADMINS, User.class).getResultList();
    }

    public User update(long id, UserChanges changes) {
        User user = find(id);
        boolean demoted = Boolean.FALSE.equals(changes.isAdmin()) && user.isAdmin();
        boolean deactivated = Boolean.FALSE.equals(changes.isActive()) && user.isActive();
        if (demoted || deactivated) {
            ensureAnotherActiveAdmin(user);
        }
        if (changes.email() != null && !changes.email().equalsIgnoreCase(user.email())) {
            ensureEmailFree(changes.email(), id);
        }
        boolean voidsTokens = user.voidsTokens(changes.password() != null, changes.isAdmin(), changes.isActive());
        List<String> changed = changedFields(user, changes);
        if (changes.email() != null) {
            user.changeEmail(changes.email());
        }
        if (changes.password() != null) {
            user.changePasswordHash(hasher.hash(changes.password()));
        }
        if (changes.isAdmin() != null) {
            user.setAdmin(changes.isAdmin());
        }
        if (changes.isActive() != null) {
            user.setActive(changes.isActive());
        }
        flush();
        administered.fire(new UserAdministered(UserAdministered.Kind.UPDATED, id, user.username(), changed));
        if (voidsTokens) {
            user.stampedWith(incrementSecurityStamp(id));
            securityChanges.fire(new UserSecurityChanged(id, user.securityStamp()));
        }
        return user;
    }

    /** The names of the fields these changes really change, never their values. */
    private static List<String> changedFields(User user, UserChanges changes) {
        List<String> changed = new ArrayList<>();
        if (changes.email() != null && !changes.email().equals(user.email())) {
            changed.add("email");
        }
        if (changes.password() != null) {
            changed.add("password");
        }
        if (changes.isAdmin() != null && changes.isAdmin() != user.isAdmin()) {
            changed.add("is_admin");
        }
        if (changes.isActive() != null && changes.isActive() != user.isActive()) {
            changed.add("is_active");
        }
        return changed;
    }

    /**
     * Records when the user last logged in, in the caller's transaction (the audit trail's, after the answer). A
     * statement of its own: the entity maps the column read-only, as it is not part of any change an administrator
     * makes. Here, not in the audit trail, because the users table is this feature's.
     */
    public void loggedIn(long userId, Instant at) {
        em.createNativeQuery("UPDATE users SET last_login_at = ? WHERE id = ?")
                .setParameter(1, at.atOffset(ZoneOffset.UTC))
                .setParameter(2, userId)
                .executeUpdate();
    }

    public void delete(long id) {
        User user = find(id);
        ensureAnotherActiveAdmin(user);
        em.remove(user);
        flush();
        administered.fire(new UserAdministered(UserAdministered.Kind.DELETED, id, user.username(), List.of()));
        securityChanges.fire(UserSecurityChanged.deleted(id));
    }

    /**
     * In the database, not from the entity's copy: two changes to one user at once must give two stamps, or a token
     * issued between them would carry the stamp the second change writes again. The row stays locked until commit.
     */
    private long incrementSecurityStamp(long id) {
        Object stamp = em.createNativeQuery("UPDATE users SET security_stamp = security_stamp + 1 WHERE id = ? RETURNING security_stamp")
                .setParameter(1, id)
                .getSingleResult();
        return ((Number) stamp).longValue();
    }

    /**
     * Locks every active admin row (in id order, so two concurrent demotions cannot deadlock) before counting them:
     * two administrators demoting each other at once cannot both succeed.
     */
    private void ensureAnotherActiveAdmin(User user) {
        if (!user.isActiveAdmin()) {
            return;
        }
        List<User> admins = em.createNamedQuery(User.ACTIVE_ADMINS, User.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (admins.stream().noneMatch(admin -> admin.id() != user.id())) {
            throw new LastAdminException();
        }
    }

    private void ensureEmailFree(String email, long exceptId) {
        long taken = em.createNamedQuery(User.COUNT_BY_EMAIL, Long.class)
                .setParameter("email", email)
                .setParameter("exceptId", exceptId)
                .getSingleResult();
        if (taken > 0) {
            throw new DuplicateUserException("email");
        }
    }

    private long countOf(String query, String parameter, String value) {
        return em.createNamedQuery(query, Long.class).setParameter(parameter, value).getSingleResult();
    }

    /** Flushes now so that a unique-index violation from a concurrent insert is a 409 here, not a failed commit later. */
    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            SQLException sql = Causes.find(e, SQLException.class).orElse(null);
            if (sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                String message = String.valueOf(sql.getMessage());
                throw new DuplicateUserException(message.contains("users_email_key") ? "email" : "username");
            }
            throw e;
        }
    }
}
