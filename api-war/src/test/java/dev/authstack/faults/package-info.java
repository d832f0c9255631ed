/**
 * Fault injection: PostgreSQL and Redis of the tests' own are stopped and started under a running API, and a second
 * API instance shows how fast a revocation crosses instances. Each test class starts the servers it needs.
 */
package dev.authstack.faults;
