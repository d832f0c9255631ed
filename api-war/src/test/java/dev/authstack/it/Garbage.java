package dev.authstack.it;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generated hostile strings for property tests: any Unicode (astral planes too), C0 and C1 controls with NUL, unpaired
 * surrogates, JSON's own syntax characters, and very long runs. Seeded, so a failure names the seed and the input
 * that reproduce it ({@code -Dgarbage.seed=...} replays a run).
 */
public final class Garbage {

    private static final String NASTY = "\u0000\u0001\u001f\u007f\u0080\u009f\"\\/{}[]:,\u2028\u2029\ufeff\ufffd\ufffe";

    private final SplittableRandom random;
    private final long seed;

    private Garbage(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    public static Garbage seeded() {
        return new Garbage(Long.getLong("garbage.seed", System.nanoTime()));
    }

    /** Runs the property on {@code tries} strings; a failure says which string and seed broke it. */
    public void forAll(int tries, Consumer<String> property) {
        for (int i = 0; i < tries; i++) {
            String text = next();
            try {
                property.accept(text);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed for " + escaped(text) + " (try " + i + ", -Dgarbage.seed=" + seed + ")", e);
            }
        }
    }

    public String next() {
        int shape = random.nextInt(10);
        int length = shape == 0 ? 1000 + random.nextInt(100_000) : random.nextInt(40);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            switch (random.nextInt(6)) {
                case 0 -> text.append(NASTY.charAt(random.nextInt(NASTY.length())));
                case 1 -> text.append((char) random.nextInt(0x20));
                case 2 -> text.append((char) (0xd800 + random.nextInt(0x800))); // a surrogate, most likely unpaired
                case 3 -> text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                default -> text.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return text.toString();
    }

    /** A JSON string literal with everything outside printable ASCII escaped, so unpaired surrogates arrive as sent. */
    public static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.append('"').toString();
    }

    public static String escaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().limit(80).forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.append(text.length() > 80 ? "...\" (" + text.length() + " chars)" : "\"").toString();
    }
}
