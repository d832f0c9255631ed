package dev.authstack.bench;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The time of one BCrypt verification at a cost, in this JVM, alone, in milliseconds; then how many verifications per
 * second as many threads as there are cores reach together, which is what the cores really give BCrypt.
 */
public final class BcryptTimer {

    private BcryptTimer() {
    }

    public static void main(String[] arguments) throws InterruptedException {
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
        double single = (System.nanoTime() - start) / 1e6 / rounds;

        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService threads = Executors.newFixedThreadPool(cores);
        List<Callable<Boolean>> work = new ArrayList<>();
        for (int i = 0; i < rounds * cores; i++) {
            work.add(() -> encoder.matches("benchmark password", hash));
        }
        start = System.nanoTime();
        threads.invokeAll(work);
        double parallel = rounds * cores / ((System.nanoTime() - start) / 1e9);
        threads.shutdown();
        System.out.printf("%.3f %.1f%n", single, parallel);
    }
}
