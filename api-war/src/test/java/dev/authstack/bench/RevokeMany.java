package dev.authstack.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Revokes COUNT tokens through the real logout endpoint: tokens signed with the instance's secret (as any standard
 * library can), each sent once to POST /auth/logout by 32 clients. Their ids start with "bench-" so the script can
 * find their keys, and they expire LIFETIME seconds from now so it can watch the keys go.
 * Arguments: API base URL, secret, issuer, count, lifetime seconds, and a genuine token of user 1, whose security
 * stamp the forged tokens must carry to pass as valid.
 */
public final class RevokeMany {

    private RevokeMany() {
    }

    public static void main(String[] arguments) throws Exception {
        URI api = URI.create(arguments[0]);
        MACSigner signer = new MACSigner(arguments[1].getBytes(StandardCharsets.UTF_8));
        String issuer = arguments[2];
        int count = Integer.parseInt(arguments[3]);
        Instant expiry = Instant.now().plusSeconds(Long.parseLong(arguments[4]));
        long stamp = SignedJWT.parse(arguments[5]).getJWTClaimsSet().getLongClaim("stamp");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        long start = System.nanoTime();
        for (int c = 0; c < 32; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                                new JWTClaimsSet.Builder().issuer(issuer).subject("1").issueTime(new Date())
                                        .expirationTime(Date.from(expiry)).jwtID("bench-" + i).claim("admin", false).claim("stamp", stamp).build());
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
