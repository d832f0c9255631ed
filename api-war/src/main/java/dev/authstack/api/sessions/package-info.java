/**
 * Sessions: a login starts one, and it lasts across many short access tokens (each names it as {@code sid}) through
 * rotating refresh tokens, until it is ended (logout, the user's own choice, an administrator, a change to the user,
 * reuse of a spent refresh token) or expires (idle {@code REFRESH_IDLE_SECONDS}, absolute {@code SESSION_MAX_SECONDS}).
 * Sessions and hashes of refresh tokens live in PostgreSQL; a refresh is one transaction that locks its session row,
 * so two refreshes of one token, on any instances, give one success and one reuse. Ending one session is announced
 * ({@code SessionsEnded}) so that the revocation feed refuses its access tokens on every instance at once; a change
 * that voids all of a user's tokens ends all of the user's sessions in the same transaction.
 */
package dev.authstack.api.sessions;
