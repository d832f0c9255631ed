package dev.authstack.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.util.Date;
import java.util.List;

/**
 * What ES256 costs a login and a first verification, in this JVM, alone: milliseconds to sign one access token of
 * our shape, and to verify one. Prints {@code sign-ms verify-ms}.
 */
public final class Es256Timer {

    private Es256Timer() {
    }

    public static void main(String[] arguments) throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench").generate();
        ECDSASigner signer = new ECDSASigner(key);
        ECDSAVerifier verifier = new ECDSAVerifier(key.toPublicJWK());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://127.0.0.1/api/v1").audience("auth-stack").subject("1")
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000)).jwtID("bench")
                .claim("preferred_username", "admin").claim("upn", "admin").claim("groups", List.of("admin"))
                .claim("stamp", 0).claim("sid", "9b2f1c1e-0d7e-4c1b-9a43-3f6a8f0a1b2c").build();
        int rounds = 20_000;
        SignedJWT last = null;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                last = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("bench").build(), claims);
                last.sign(signer);
            }
            double sign = (System.nanoTime() - start) / 1e6 / rounds;
            start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                if (!SignedJWT.parse(last.serialize()).verify(verifier)) {
                    throw new IllegalStateException("a token of ours did not verify");
                }
            }
            double verify = (System.nanoTime() - start) / 1e6 / rounds;
            if (pass == 1) {
                System.out.printf("%.3f %.3f%n", sign, verify);
            }
        }
    }
}
