/**
 * The Account page, everyone's own: change the password (the current one, the new one twice, the rules beside the
 * fields) and see where one is logged in, end one of those sessions or all of them.
 */
package dev.authstack.web.account;
