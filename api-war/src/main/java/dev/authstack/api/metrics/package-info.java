/**
 * Metrics an operator can watch, in the application registry of MicroProfile Metrics, which Payara serves in the
 * Prometheus text format at {@code /metrics?scope=application} beside the JVM's own ({@code scope=base}): logins by
 * outcome, refreshes and refresh-token reuse, revocations published and applied, the feed's resynchronisations, Redis
 * and PostgreSQL failures, and the time each endpoint takes. It owns the names; the features count through
 * {@link dev.authstack.api.metrics.control.Metrics}, one call where the thing happens, and it depends on none of them.
 * Not for the public: nginx refuses {@code /metrics}, and Prometheus scrapes each instance on the private network
 * (docs/deployment.md, "Metrics").
 */
package dev.authstack.api.metrics;
