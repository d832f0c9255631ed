package dev.authstack.api;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dependencies point one way: jdeps, run on the compiled API, finds no cycle among its packages. */
class PackageCyclesTest {

    @Test
    void thePackagesOfTheApiFormNoCycle() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package", "-filter:none",
                "-e", "dev\\.authstack\\.api\\..*", Path.of("target/classes").toString());
        assertEquals(0, exit, out.toString());
        Map<String, Set<String>> edges = new HashMap<>();
        for (String line : out.toString().split("\n")) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 3 && words[0].startsWith("dev.authstack.api") && words[1].equals("->") && !words[0].equals(words[2])) {
                edges.computeIfAbsent(words[0], key -> new HashSet<>()).add(words[2]);
            }
        }
        assertTrue(edges.size() > 10, "jdeps saw the packages: " + edges.keySet());
        List<String> cycle = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : edges.keySet()) {
            if (cycleFrom(start, edges, new ArrayList<>(), done, cycle)) {
                break;
            }
        }
        assertEquals(List.of(), cycle, "a cycle among the packages");
    }

    private static boolean cycleFrom(String node, Map<String, Set<String>> edges, List<String> path, Set<String> done, List<String> cycle) {
        if (path.contains(node)) {
            cycle.addAll(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return true;
        }
        if (!done.add(node)) {
            return false;
        }
        path.add(node);
        for (String next : edges.getOrDefault(node, Set.of())) {
            if (cycleFrom(next, edges, path, done, cycle)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        return false;
    }
}
