/**
 * The keys that sign access tokens, and their publication. Tokens are ES256 (P-256) with a {@code kid}; the keys live
 * in PostgreSQL, sealed under a key derived from {@code MASTER_KEY}, so every instance signs with the same key and
 * publishes the same JWK Set ({@code /.well-known/jwks.json}, with OpenID discovery beside it) and no key is in the
 * repository or an image. A rotation publishes the new key ahead of its first signature and keeps the previous one
 * verifying until the last token it signed has expired; every instance switches at the same instant because the
 * switch is a time written in the database, not a message. {@code MASTER_KEY} also derives the other keys the API
 * needs (the login throttle's), each for its own purpose.
 */
package dev.authstack.api.keys;
