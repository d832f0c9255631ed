/**
 * Authentication: login (password to token), logout (revocation), the bearer-token servlet filter that guards every
 * request, and the JAX-RS rules saying which resources need a caller or an administrator.
 * Tokens are HS256 JWS built and verified with nimbus-jose-jwt. Whether a verified token is still acceptable is
 * answered in memory, from revoked token ids (logouts, kept in Redis) and users' security stamps (kept in PostgreSQL by
 * {@code users}), both fed to every instance through a Redis channel; see {@code Revocations}.
 */
package dev.authstack.api.auth;
