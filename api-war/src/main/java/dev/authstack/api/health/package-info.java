/**
 * Health: {@code /api/v1/status} for load balancers and humans (cheap: touches neither PostgreSQL nor Redis), and the
 * MicroProfile Health checks behind {@code /health/ready} (both backends answer) and {@code /health/live}.
 */
package dev.authstack.api.health;
