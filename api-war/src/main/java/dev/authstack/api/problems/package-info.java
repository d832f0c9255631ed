/**
 * Problems: every error the API answers is an RFC 9457 {@code application/problem+json} document, made here and only
 * here. Features throw {@link dev.authstack.api.problems.entity.ProblemException} subclasses named after the failure;
 * the mappers turn those, the framework's own exceptions and anything unexpected into a problem with the right status,
 * never a stack trace. 4xx are logged quietly, 5xx loudly with an incident id that the body carries too.
 */
package dev.authstack.api.problems;
