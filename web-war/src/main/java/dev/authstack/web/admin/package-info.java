/**
 * User administration (admins only): the users table, a page at a time and searchable by GET, creating a user, editing one in a modal dialog, deleting one
 * after a confirmation. The forms carry the API's own validation rules (the contract's annotations), so a mistake shows
 * next to its field before any round trip; what only the API can know (duplicates, the last administrator) comes back
 * as its problem detail. Beside it the Activity page (the audit trail) and the Metrics page (the last hour's logins,
 * counted from the audit trail).
 */
package dev.authstack.web.admin;
