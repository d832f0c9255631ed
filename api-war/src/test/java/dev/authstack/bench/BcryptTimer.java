package dev.authstack.bench;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The time of one BCrypt verification at a cost, in this JVM: the bound a login cannot beat. Prints milliseconds. */
public final class BcryptTimer {

    private BcryptTimer() {
    }

    public static void main(String[] arguments) {
        int cost = Integer.parseInt(arguments[0]);
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(cost);
        String hash = encoder.encode("benchmark password");
        for (int i = 0; i < 5; i++) {
            encoder.matches("benchmark password", hash);
        }
        int rounds = 30;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            encoder.matches("benchmark password", hash);
        }
        System.out.printf("%.3f%n", (System.nanoTime() - start) / 1e6 / rounds);
    }
}
