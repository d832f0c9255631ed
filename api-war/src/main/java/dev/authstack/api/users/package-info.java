/**
 * Users: the account entity in PostgreSQL, the store that enforces its rules (unique names and e-mail addresses, the
 * last active administrator can never go) and records each login's time, password hashing, the administrators'
 * resources and {@code /me}; the users table is written only here. A change
 * that voids a user's tokens (password, role, active flag, deletion) increments the user's security stamp and fires
 * {@code UserSecurityChanged} inside its transaction; {@code users} knows nothing of tokens.
 */
package dev.authstack.api.users;
