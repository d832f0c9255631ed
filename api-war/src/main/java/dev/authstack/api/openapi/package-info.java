/**
 * The OpenAPI document Payara serves at {@code /openapi}: made from the resources' and the contract's annotations,
 * then tidied by {@code OpenApiTidier} (named in {@code mp.openapi.filter}) so that it says what the annotations say
 * and nothing Payara's scanner adds. It reads the document's model only; no feature depends on it.
 */
package dev.authstack.api.openapi;
