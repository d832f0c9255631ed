/** Hello: the smallest protected resource, showing what a handler learns from a verified token. */
package dev.authstack.api.hello;
