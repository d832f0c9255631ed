/**
 * What every feature may know of access, and nothing of how it is established: the {@code Caller} a verified token
 * makes (the request's principal) and the annotations a resource declares its rule with, {@code @Anonymous} and
 * {@code @AdminOnly}. A resource not annotated needs a caller. {@code auth} enforces them (the bearer filter, the
 * access rules) and depends on this package, as do the features it guards; this package depends on none of them, so
 * guarding a resource does not tie its feature to authentication.
 * <p>
 * Our own annotations rather than {@code @PermitAll}/{@code @RolesAllowed}: those allow an unannotated resource by
 * default, and ours deny it; the bearer filter reads {@code @Anonymous} to skip the token of a public path.
 */
package dev.authstack.api.security;
