/**
 * Redis, shared by the features that need it: the connection pool ({@code REDIS_URL}) that turns every Redis failure
 * into a 503, and what this Redis would forget (its persistence and eviction settings), which readiness reports.
 */
package dev.authstack.api.redis;
