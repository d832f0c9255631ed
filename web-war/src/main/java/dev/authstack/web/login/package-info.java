/**
 * The login page: trades username and password for a token through the API and starts a fresh session; keeps the
 * browser's device token, which lets a known browser in while others' failed logins keep the account waiting.
 */
package dev.authstack.web.login;
