package dev.authstack.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import dev.authstack.it.Processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app sees the API's contract and nothing else of it: the built WAR holds the contract jar, that jar holds
 * only the contract package, and none of the API's libraries came along with it. (An IT: it reads the packaged WAR.)
 */
class ContractJarIT {

    @Test
    void theWarHoldsTheContractAndNoneOfTheApisInternals() throws IOException {
        Path war = Processes.projectRoot().resolve("web-war/target/web-war.war");
        List<String> libraries = new ArrayList<>();
        List<String> apiClasses = new ArrayList<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (entry.getName().startsWith("WEB-INF/lib/")) {
                    libraries.add(entry.getName().substring("WEB-INF/lib/".length()));
                }
                if (entry.getName().startsWith("WEB-INF/lib/api-war-") && entry.getName().endsWith("-contract.jar")) {
                    apiClasses.addAll(classesIn(zip.getInputStream(entry)));
                }
                assertTrue(!entry.getName().startsWith("WEB-INF/classes/dev/authstack/api/"), entry.getName());
            }
        }
        assertTrue(libraries.stream().anyMatch(name -> name.endsWith("-contract.jar")), "the contract jar: " + libraries);
        assertTrue(libraries.stream().noneMatch(name -> name.matches("(jedis|nimbus|spring|commons-logging|slf4j|postgresql).*")),
                "no library of the API: " + libraries);
        assertTrue(apiClasses.contains("dev/authstack/api/contract/NewUser.class"), apiClasses::toString);
        assertEquals(List.of(), apiClasses.stream().filter(name -> !name.startsWith("dev/authstack/api/contract/")).toList());
    }

    private static List<String> classesIn(InputStream jar) throws IOException {
        List<String> classes = new ArrayList<>();
        try (ZipInputStream entries = new ZipInputStream(jar)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().endsWith(".class")) {
                    classes.add(entry.getName());
                }
            }
        }
        return classes;
    }
}
