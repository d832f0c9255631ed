/**
 * User administration (admins only): the users table, a page at a time and searchable by GET, creating a user, editing one in a modal dialog, deleting one
 * after a confirmation. The forms carry the API's own validation rules (the contract's annotations), so a mistake shows
 * next to its field before any round trip; what only the API can know (duplicates, the last administrator) comes back
 * as its problem detail.
 */
package dev.authstack.web.admin;
