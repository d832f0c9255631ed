/**
 * Users: the account entity in PostgreSQL, the store that enforces its rules (unique names and e-mail addresses, the
 * last active administrator can never go), the administrators' resources and {@code /me}. Every change that weakens a
 * user's standing (password, role, active flag, deletion) revokes the tokens that user holds.
 */
package dev.authstack.api.users;
