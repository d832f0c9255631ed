/**
 * The web app's only way to its data: a MicroProfile Rest Client of the API under {@code API_BASE_URL}, typed by the
 * API's contract (api-war's {@code contract} jar), so a field renamed in the API fails to compile here. It never reads
 * the database or Redis. API answers become exceptions named for what the page must do: show the problem, send the user back to the
 * login page (the token expired or was revoked), or say the service is down.
 */
package dev.authstack.web.api;
