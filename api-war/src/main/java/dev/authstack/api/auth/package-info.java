/**
 * Authentication: login (password to token, throttled), logout, the bearer-token servlet filter that guards every
 * request, and the JAX-RS rules enforcing the access annotations of {@code security}.
 * Tokens are HS256 JWS built and verified with nimbus-jose-jwt. Whether a verified token is still acceptable is not
 * decided here: the filter asks {@code revocation}, and a logout goes through it.
 */
package dev.authstack.api.auth;
