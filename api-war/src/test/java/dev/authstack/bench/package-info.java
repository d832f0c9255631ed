/**
 * Load and benchmark drivers run by scripts/load.sh and scripts/bench.sh (make load, make bench) against an instance
 * those scripts start. Every loop is bounded in time and count, and every request goes to 127.0.0.1.
 */
package dev.authstack.bench;
