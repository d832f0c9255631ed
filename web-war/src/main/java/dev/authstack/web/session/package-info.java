/**
 * The signed-in user's session: who is logged in (and their token, which never leaves the server), the page guard
 * that keeps anonymous visitors out and non-admins off the admin pages, the security headers of every page, logout,
 * and the hand-back to the login page when the API stops accepting the session's token.
 */
package dev.authstack.web.session;
