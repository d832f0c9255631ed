/**
 * Authentication: login (password to token), logout (revocation), the bearer-token servlet filter that guards every
 * request, and the JAX-RS rules saying which resources need a caller or an administrator.
 * Tokens are HS256 JWS built and verified with nimbus-jose-jwt; revocations live in Redis, so a logout or a change to
 * a user takes effect at once on every instance.
 */
package dev.authstack.api.auth;
