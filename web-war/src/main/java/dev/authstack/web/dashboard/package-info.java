/** The dashboard: who is signed in, read fresh from the API's /me. */
package dev.authstack.web.dashboard;
