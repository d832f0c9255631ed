/**
 * Revocation: whether a token that verified is still acceptable, answered from this instance's memory so that a
 * protected request costs no Redis or database round trip. Two things end a token before its {@code exp}: a logout
 * (its id kept in Redis, {@code auth:revoked:<jti>}, until the token would have expired anyway) and a change to its
 * user (the user's security stamp in PostgreSQL grows, and a token carrying an older stamp is refused). The guarantee:
 * a token revoked on one instance is refused on every instance within the publish latency of the
 * {@code auth:revocations} channel, and never accepted again; while an instance's copy could be stale (the
 * subscription is down, silent, or resynchronising) it refuses every token with a 503 rather than guess. A stamp is
 * published before its change commits (a change Redis cannot take is rolled back), every (re)subscription reads all
 * revocations from Redis and all stamps from PostgreSQL before it is trusted, and no message can make a refused token
 * acceptable: stamps only grow from messages, and only PostgreSQL's value lowers one. A Redis that forgets its data
 * can bring back logged-out tokens until their {@code exp}, never a changed user's. Whoever publishes on the channel
 * cannot grow the memory past its bound: what does not fit is asked of Redis or PostgreSQL, never guessed. It observes {@code users}'
 * {@code UserSecurityChanged}; {@code users} knows nothing of it.
 */
package dev.authstack.api.revocation;
