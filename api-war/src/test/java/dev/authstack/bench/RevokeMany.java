package dev.authstack.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.authstack.api.keys.control.KeySeal;
import dev.authstack.api.keys.control.MasterKey;

/**
 * Revokes COUNT tokens through the real logout endpoint: tokens signed with the instance's signing key (opened from
 * its sealed form with the instance's MASTER_KEY), each sent once to POST /auth/logout by 32 clients. Their ids start with "bench-" so the script can
 * find their keys, and they expire LIFETIME seconds from now so it can watch the keys go.
 * Arguments: API base URL, MASTER_KEY, "kid sealed-key-in-base64" of the signing key, issuer, count, lifetime seconds,
 * and a genuine token of user 1, whose security stamp the tokens must carry to pass as valid.
 */
public final class RevokeMany {

    private RevokeMany() {
    }

    public static void main(String[] arguments) throws Exception {
        URI api = URI.create(arguments[0]);
        String[] sealed = arguments[2].split(" ", 2);
        ECKey key = new KeySeal(MasterKey.of(arguments[1])).open(sealed[0], Base64.getMimeDecoder().decode(sealed[1]));
        ECDSASigner signer = new ECDSASigner(key);
        String issuer = arguments[3];
        int count = Integer.parseInt(arguments[4]);
        Instant expiry = Instant.now().plusSeconds(Long.parseLong(arguments[5]));
        long stamp = SignedJWT.parse(arguments[6]).getJWTClaimsSet().getLongClaim("stamp");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        long start = System.nanoTime();
        for (int c = 0; c < 32; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
                                new JWTClaimsSet.Builder().issuer(issuer).audience("auth-stack").subject("1").issueTime(new Date())
                                        .expirationTime(Date.from(expiry)).jwtID("bench-" + i).claim("groups", List.of())
                                        .claim("stamp", stamp).build());
                        jwt.sign(signer);
                        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(api.resolve("auth/logout"))
                                .header("Authorization", "Bearer " + jwt.serialize())
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                        if (answer.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        if (!clients.awaitTermination(30, TimeUnit.MINUTES)) {
            clients.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("revoked=%d failures=%d seconds=%.1f rate=%.0f%n", count - failures.get(), failures.get(), seconds, count / seconds);
        System.exit(failures.get() == 0 ? 0 : 1);
    }
}
