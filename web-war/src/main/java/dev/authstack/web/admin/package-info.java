/**
 * User administration (admins only): the users table, creating a user, editing one in a modal dialog, deleting one
 * after a confirmation. Validation mirrors the API's rules so mistakes show next to the field before a round trip;
 * what only the API can know (duplicates, the last administrator) comes back as its problem detail.
 */
package dev.authstack.web.admin;
