/**
 * HTTP hygiene shared by every resource: CORS for configured origins only, a cap on request bodies, response headers
 * that keep API answers out of caches and sniffers, and problem+json for what the servlet container itself answers.
 */
package dev.authstack.api.http;
