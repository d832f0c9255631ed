/**
 * The API's contract, the one definition both WARs compile against: the records of every request and answer body,
 * with their JSON names, OpenAPI descriptions and examples, and the validation rules of what a client sends
 * ({@link dev.authstack.api.contract.Username}, {@link dev.authstack.api.contract.EmailAddress},
 * {@link dev.authstack.api.contract.ValidPassword}, {@link dev.authstack.api.contract.PlainText}).
 * <p>
 * api-war validates request bodies with these annotations; web-war puts the same annotations on its form fields, so a
 * page shows a rule next to its field before any round trip and cannot drift from what the API enforces. The package
 * is built into api-war's {@code contract} jar, which is what web-war depends on: it must therefore depend on nothing
 * but the Jakarta and MicroProfile APIs, never on the API's features.
 */
package dev.authstack.api.contract;
