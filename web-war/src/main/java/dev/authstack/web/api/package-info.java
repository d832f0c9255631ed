/**
 * The web app's only way to its data: an HTTP client of the API under {@code API_BASE_URL}. It never reads the database
 * or Redis. API answers become exceptions named for what the page must do: show the problem, send the user back to the
 * login page (the token expired or was revoked), or say the service is down.
 */
package dev.authstack.web.api;
