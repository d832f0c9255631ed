package dev.authstack.api.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Generated look-alikes of a username: what a case-insensitive comparison somewhere in the stack might take for the
 * same name. The ASCII case variants are the same account; every other one is outside the username rule.
 */
public final class UsernameVariants {

    private UsernameVariants() {
    }

    /** A valid username with an {@code i}, a {@code k} and some letters, from the generator. */
    public static String name(RandomGenerator random) {
        StringBuilder name = new StringBuilder("ik");
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_.-";
        for (int i = 0, length = random.nextInt(4, 20); i < length; i++) {
            name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    /** The name with the case of some ASCII letters flipped. */
    public static String caseVariant(String name, RandomGenerator random) {
        StringBuilder variant = new StringBuilder();
        for (char c : name.toCharArray()) {
            variant.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return variant.toString();
    }

    /**
     * One variant per trick: Turkish dotted capital I and dotless i, the Kelvin sign, a fullwidth letter, a combining
     * mark, spaces around it (ASCII and no-break), each applied to a case variant of the name.
     */
    public static List<String> lookAlikes(String name, RandomGenerator random) {
        String base = caseVariant(name, random);
        int i = base.toLowerCase(Locale.ROOT).indexOf('i');
        int k = base.toLowerCase(Locale.ROOT).indexOf('k');
        int letter = aLetter(base, random);
        List<String> variants = new ArrayList<>();
        variants.add(replace(base, i, "\u0130"));
        variants.add(replace(base, i, "\u0131"));
        variants.add(replace(base, k, "\u212A"));
        variants.add(replace(base, letter, String.valueOf((char) (0xFF21 + Character.toUpperCase(base.charAt(letter)) - 'A'))));
        variants.add(replace(base, letter, String.valueOf((char) (0xFF41 + Character.toLowerCase(base.charAt(letter)) - 'a'))));
        variants.add(base.substring(0, letter + 1) + "\u0307" + base.substring(letter + 1));
        variants.add(base + " ");
        variants.add(" " + base);
        variants.add(base + "\u00A0");
        return variants;
    }

    private static int aLetter(String name, RandomGenerator random) {
        while (true) {
            int index = random.nextInt(name.length());
            if (Character.isLetter(name.charAt(index))) {
                return index;
            }
        }
    }

    private static String replace(String text, int index, String replacement) {
        return text.substring(0, index) + replacement + text.substring(index + 1);
    }
}
