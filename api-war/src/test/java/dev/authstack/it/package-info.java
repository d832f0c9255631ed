/**
 * Integration-test support shared by api-war and web-war (published as api-war's test-jar): a real Payara Micro
 * started through scripts/serve.sh exactly as `make run` starts it, a fresh PostgreSQL database made from sql/, a
 * private redis-server the tests may stop and restart, and a small HTTP client for the API.
 */
package dev.authstack.it;
