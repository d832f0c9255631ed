package dev.authstack.it;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), as Prometheus's own parser reads it and
 * a little stricter: every line is a comment, a HELP or TYPE line, or a sample; at most one TYPE per family and before
 * its first sample; a family's lines together, never resumed after another family's; label names and values well
 * formed and escaped; no series twice; a counter's value a non-negative number and its name ending in _total. Fails
 * with the line that broke a rule.
 */
public final class PrometheusText {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");
    private static final Pattern VALUE = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\\.[0-9]+(?:[eE][+-]?[0-9]+)?|Inf|NaN)");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** One series: its name, its labels sorted by name, and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final Map<String, String> types = new HashMap<>();
    private final Map<String, Sample> samples = new LinkedHashMap<>();

    private PrometheusText() {
    }

    public static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        parsed.read(text);
        return parsed;
    }

    public List<Sample> samples() {
        return List.copyOf(samples.values());
    }

    public String typeOf(String family) {
        return types.get(family);
    }

    /** The value of the one series with this name and exactly these labels; fails when there is none. */
    public double value(String name, Map<String, String> labels) {
        Sample sample = samples.get(key(name, new TreeMap<>(labels)));
        if (sample == null) {
            throw new AssertionError("no series " + name + labels);
        }
        return sample.value();
    }

    private void read(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("the text must end with a line feed");
        }
        Set<String> finished = new HashSet<>();
        Set<String> helped = new HashSet<>();
        String current = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            String where = "line " + number + ": " + line;
            String family;
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length < 3 || !parts[0].equals("#") || !(parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                    continue; // a plain comment
                }
                family = parts[2];
                require(NAME.matcher(family).matches(), "bad metric name", where);
                if (parts[1].equals("TYPE")) {
                    require(parts.length == 4 && TYPES.contains(parts[3]), "bad type", where);
                    require(!types.containsKey(family), "a second TYPE for " + family, where);
                    require(!samples.keySet().stream().anyMatch(key -> familyOf(key.split("\\{", 2)[0]).equals(family)),
                            "TYPE after the family's first sample", where);
                    types.put(family, parts[3]);
                } else {
                    require(helped.add(family), "a second HELP for " + family, where);
                    require(parts.length < 4 || parts[3].matches("(?:[^\\\\]|\\\\[\\\\n])*"), "bad escape in HELP", where);
                }
            } else {
                Sample sample = sample(line, where);
                family = familyOf(sample.name());
                String key = key(sample.name(), sample.labels());
                require(!samples.containsKey(key), "the same series twice", where);
                samples.put(key, sample);
                if ("counter".equals(types.get(family))) {
                    require(sample.name().endsWith("_total") && sample.value() >= 0, "a counter must be _total and not negative", where);
                }
            }
            if (!family.equals(current)) {
                require(!finished.contains(family), "the family " + family + " resumed after another", where);
                if (current != null) {
                    finished.add(current);
                }
                current = family;
            }
        }
    }

    private Sample sample(String line, String where) {
        Matcher name = NAME.matcher(line);
        require(name.lookingAt(), "no metric name", where);
        int at = name.end();
        Map<String, String> labels = new TreeMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at++;
            while (line.charAt(at) != '}') {
                Matcher label = LABEL.matcher(line).region(at, line.length());
                require(label.lookingAt(), "bad label", where);
                require(labels.put(label.group(1), label.group(2)) == null, "a label twice", where);
                at = label.end();
                if (line.charAt(at) == ',') {
                    at++;
                }
            }
            at++;
        }
        String[] rest = line.substring(at).split(" ", -1);
        require(rest.length >= 2 && rest.length <= 3 && rest[0].isEmpty(), "expected one space, a value and perhaps a timestamp", where);
        require(VALUE.matcher(rest[1]).matches(), "bad value", where);
        require(rest.length == 2 || rest[2].matches("-?[0-9]+"), "bad timestamp", where);
        return new Sample(name.group(), labels, Double.parseDouble(rest[1].replace("Inf", "Infinity")));
    }

    /** The family a sample belongs to: a histogram's or summary's _bucket, _sum and _count lines are its own. */
    private String familyOf(String name) {
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                String type = types.get(base);
                if ("histogram".equals(type) || "summary".equals(type)) {
                    return base;
                }
            }
        }
        return name;
    }

    private static String key(String name, Map<String, String> labels) {
        return name + labels;
    }

    private static void require(boolean rule, String broken, String where) {
        if (!rule) {
            throw new AssertionError("not Prometheus text: " + broken + " (" + where + ")");
        }
    }
}
