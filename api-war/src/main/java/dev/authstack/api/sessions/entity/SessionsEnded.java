package dev.authstack.api.sessions.entity;

import java.time.Instant;
import java.util.List;

/**
 * Fired inside the transaction that ends these sessions one by one (not by a change to their user, whose new security
 * stamp voids the access tokens already): their access tokens, which live until {@code accessTokensExpireBy} at the
 * latest, must be refused on every instance. A failure of the reaction rolls the ending back.
 */
public record SessionsEnded(long userId, List<String> sessionIds, Instant accessTokensExpireBy) {
}
