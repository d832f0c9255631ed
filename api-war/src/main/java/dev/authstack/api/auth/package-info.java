/**
 * Authentication: login (password to a new session's tokens, throttled), refresh, logout, the caller's own password
 * change, the bearer-token servlet filter that guards every request, and the JAX-RS rules enforcing the access
 * annotations of {@code security}. Access tokens are ES256 JWS signed with the key ring of {@code keys} and verified
 * against it with nimbus-jose-jwt; sessions and refresh tokens are {@code sessions}'. Whether a verified token is still
 * acceptable is not decided here: the filter asks {@code revocation}.
 */
package dev.authstack.api.auth;
