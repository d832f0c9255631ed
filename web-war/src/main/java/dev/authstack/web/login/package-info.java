/** The login page: trades username and password for a token through the API and starts a fresh session. */
package dev.authstack.web.login;
