/**
 * HTTP hygiene shared by every resource: CORS for configured origins only, a cap on request bodies, response headers
 * that keep API answers out of caches and sniffers, problem+json for what the servlet container itself answers, and
 * who the client is behind the proxies we trust.
 */
package dev.authstack.api.http;
