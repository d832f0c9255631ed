package dev.authstack.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.authstack.it.Processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** containers/ read as a compose engine and a reviewer would read it. */
class ContainerFilesTest {

    static final Path CONTAINERS = Processes.projectRoot().resolve("containers");
    final Map<String, Object> compose = load();

    @Test
    void hasItsServicesAndOnlyNginxIsPublished() {
        assertEquals(Set.of("nginx", "api", "web", "postgres", "redis", "redis-replica", "sentinel-1", "sentinel-2", "sentinel-3"),
                services().keySet());
        assertEquals(List.of("${HTTP_PORT:-80}:80"), service("nginx").get("ports"));
        for (String internal : List.of("api", "web", "postgres", "redis", "redis-replica", "sentinel-1", "sentinel-2", "sentinel-3")) {
            assertFalse(service(internal).containsKey("ports"), internal + " must not be published");
        }
    }

    @Test
    void everyServiceHasAHealthCheckAndARestartPolicy() {
        services().forEach((name, service) -> {
            Map<String, Object> definition = map(service);
            assertTrue(definition.containsKey("healthcheck"), name + " has no health check");
            assertEquals("unless-stopped", definition.get("restart"), name);
        });
    }

    @Test
    void servicesWaitForWhatTheyNeedToBeHealthy() {
        assertDependsOnHealthy("nginx", "api", "web");
        // The API finds Redis's primary through the Sentinels, which are healthy once they agree on one (ckquorum).
        assertDependsOnHealthy("api", "postgres", "sentinel-1", "sentinel-2", "sentinel-3");
        assertDependsOnHealthy("web", "api");
    }

    @Test
    void postgresIs16AndInitialisedFromSqlAsTheOwnerThenTheApisRole() throws IOException {
        Map<String, Object> postgres = service("postgres");
        assertTrue(((String) postgres.get("image")).contains("postgres:16"));
        List<?> volumes = (List<?>) postgres.get("volumes");
        assertTrue(volumes.contains("./postgres/schema.sh:/docker-entrypoint-initdb.d/schema.sh:ro,z"), volumes::toString);
        assertTrue(volumes.contains("../sql:/auth-stack/sql:ro,z") && volumes.contains("./postgres:/auth-stack/postgres:ro,z"), volumes::toString);
        String schema = Files.readString(CONTAINERS.resolve("postgres/schema.sh"));
        assertTrue(schema.indexOf("/auth-stack/sql/*.sql") < schema.indexOf("/auth-stack/postgres/api-grants.sql"),
                "the grants follow sql/, so they cover every table it made");
        assertTrue(volumes.stream().anyMatch(v -> v.toString().startsWith("postgres-data:")), volumes::toString);
        assertTrue(map(compose.get("volumes")).keySet().containsAll(Set.of("postgres-data", "redis-data")));
    }

    @Test
    void redisIs7AndPersistsAppendOnlyOnAVolume() {
        Map<String, Object> redis = service("redis");
        assertTrue(((String) redis.get("image")).contains("redis:7"));
        String command = String.join(" ", strings(redis.get("command")));
        assertTrue(command.contains("--appendonly yes"), command);
        assertTrue(((List<?>) redis.get("volumes")).contains("redis-data:/data"));
    }

    @Test
    void secretsComeFromTheEnvironmentNeverFromTheFile() throws IOException {
        Map<String, Object> api = map(service("api").get("environment"));
        assertTrue(api.get("MASTER_KEY").toString().startsWith("${MASTER_KEY:?"));
        assertTrue(api.get("ISSUER").toString().startsWith("${ISSUER:?"));
        assertTrue(api.get("DB_PASSWORD").toString().startsWith("${API_DB_PASSWORD:?"));
        assertTrue(map(service("postgres").get("environment")).get("POSTGRES_PASSWORD").toString().startsWith("${DB_PASSWORD:?"));
        assertTrue(map(service("postgres").get("environment")).get("API_DB_PASSWORD").toString().startsWith("${API_DB_PASSWORD:?"));
        assertTrue(map(service("redis").get("environment")).get("API_REDIS_PASSWORD").toString().startsWith("${API_REDIS_PASSWORD:?"));
        assertTrue(api.get("REDIS_URL").toString().startsWith("redis://authapi:${API_REDIS_PASSWORD:?"), "the API authenticates to Redis");
        // Through nginx: balanced over the API instances, and retried on another when one dies.
        assertEquals("http://nginx/api/v1", map(service("web").get("environment")).get("API_BASE_URL"));
        String gitignore = Files.readString(Processes.projectRoot().resolve(".gitignore"));
        assertTrue(gitignore.lines().anyMatch("containers/.env"::equals), "containers/.env is ignored by git");
    }

    /** The API holds neither the schema owner's password nor a Redis user beyond the project's keys and channels. */
    @Test
    void theApiConnectsAsRolesOfItsOwn() throws IOException {
        Map<String, Object> api = map(service("api").get("environment"));
        Map<String, Object> postgres = map(service("postgres").get("environment"));
        Map<String, Object> redis = map(service("redis").get("environment"));
        assertEquals(postgres.get("API_DB_USER"), api.get("DB_USER"));
        assertFalse(api.get("DB_USER").equals(postgres.get("POSTGRES_USER")), "the API does not connect as the owner");
        assertFalse(api.containsValue(postgres.get("POSTGRES_PASSWORD")), "the owner's password never reaches the API");
        assertTrue(api.get("REDIS_URL").toString().startsWith("redis://" + redis.get("API_REDIS_USER") + ":"));

        String start = Files.readString(CONTAINERS.resolve("redis/start.sh"));
        assertTrue(start.contains("user default off "), "Redis's default user is disabled");
        assertTrue(start.contains("~auth:* resetchannels &auth:* +@all -@dangerous"), "the API's user: auth:* keys and channels");
        assertTrue(String.join(" ", strings(service("redis").get("command"))).startsWith("sh /auth-stack/redis/start.sh "));
        String check = (String) map(service("redis").get("healthcheck")).get("test");
        assertTrue(check.contains("REDISCLI_AUTH=") && check.contains("$$API_REDIS_PASSWORD"),
                "the health check authenticates, with the password read when it runs: " + check);

        // The Sentinels answer only those who know their own password, so nobody else can move the primary.
        String sentinel = Files.readString(CONTAINERS.resolve("redis/sentinel.sh"));
        assertTrue(sentinel.contains("requirepass $REDIS_SENTINELS_PASSWORD") && sentinel.contains("sentinel sentinel-pass $REDIS_SENTINELS_PASSWORD"),
                "a Sentinel asks every client and every other Sentinel for the password");
        for (String service : List.of("api", "redis", "sentinel-1", "sentinel-2", "sentinel-3")) {
            assertTrue(map(service(service).get("environment")).get("REDIS_SENTINELS_PASSWORD").toString().startsWith("${REDIS_SENTINELS_PASSWORD:?"),
                    service + " knows the Sentinels' password");
        }
        assertTrue(start.contains("REDISCLI_AUTH=${REDIS_SENTINELS_PASSWORD:-}"), "start.sh asks the Sentinels with it");

        String grants = Files.readString(CONTAINERS.resolve("postgres/api-grants.sql"));
        assertTrue(grants.contains("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :\"api\";"));
        assertFalse(grants.matches("(?s).*GRANT (ALL|[A-Z, ]*(TRUNCATE|CREATE|REFERENCES|TRIGGER))[A-Z, ]* ON [A-Z ]*(TABLES|SCHEMA).*"), grants);
    }

    @Test
    void noVariableHasAnEmptyDefault() throws IOException {
        // podman-compose 1.0.3 substitutes ${X:-default} only for a non-empty default and passes "${X:-}" on as text:
        // the API then failed to deploy in the containers (its configuration cannot resolve the expression).
        String file = Files.readString(CONTAINERS.resolve("compose.yaml"));
        assertFalse(java.util.regex.Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-\\}").matcher(file).find(), file);
    }

    @Test
    void imagesRunTheSamePayaraMicroAndJvmOptionsAsTheBuildAsANonRootUserWithAHealthCheck() throws IOException {
        for (String name : List.of("api.Containerfile", "web.Containerfile")) {
            String file = Files.readString(CONTAINERS.resolve(name));
            assertTrue(file.contains("FROM docker.io/payara/micro:" + payaraVersion() + "-jdk17"), name);
            assertTrue(file.contains(" AS build") && file.contains("COPY --from=build"), name + " is multi-stage");
            assertTrue(file.contains("USER payara"), name);
            assertTrue(file.contains("HEALTHCHECK") && file.contains("/health/ready"), name);
            assertTrue(file.contains("server-config/jvm.options") && file.contains("ENTRYPOINT [\"java\", \"@/opt/payara/config/jvm.options\""),
                    name + " starts Java with the project's JVM options, as make run does");
        }
        String api = Files.readString(CONTAINERS.resolve("api.Containerfile"));
        assertTrue(api.contains("postgresql.jar") && api.contains("post-boot-commands.asadmin"));
        assertTrue(api.contains("cat server-config/pre-boot-commands.asadmin server-config/api-alone-pre-boot-commands.asadmin")
                        && api.contains("/src/target/api-pre-boot-commands.asadmin /opt/payara/config/pre-boot-commands.asadmin"),
                "the API's own server takes the smaller request thread pool");
    }

    /**
     * The pom's payara.version is the one place the Payara Micro version is chosen. What must name it again (an image
     * tag in a Containerfile, the stand-in image's tags, a page that shows the tag) is checked against it here, wherever
     * in the project it stands; the stand-in's recipe reads it from the pom.
     */
    @Test
    void everyPayaraMicroVersionInTheProjectIsThePoms() throws IOException {
        String version = payaraVersion();
        Pattern named = Pattern.compile("payara/micro:([0-9][0-9.]*)|payara-micro:([0-9][0-9.]*)");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Processes.projectRoot())) {
            for (Path file : files.filter(Files::isRegularFile).filter(ContainerFilesTest::isProjectText).toList()) {
                Matcher match = named.matcher(Files.readString(file));
                while (match.find()) {
                    String other = match.group(1) != null ? match.group(1) : match.group(2);
                    found.add(Processes.projectRoot().relativize(file) + ": " + other);
                    assertEquals(version, other, file + " names another Payara Micro than the pom's payara.version");
                }
            }
        }
        assertTrue(found.stream().anyMatch(place -> place.startsWith("containers/test-bases/payara-micro/tags")), found::toString);
        assertTrue(found.stream().filter(place -> place.contains("Containerfile")).count() >= 2, found::toString);
        String recipe = Files.readString(CONTAINERS.resolve("test-bases/payara-micro/customize"));
        assertTrue(recipe.contains("<payara.version>"), "the stand-in's recipe fetches the pom's Payara Micro");
        assertFalse(recipe.contains(version), "the stand-in's recipe writes no version of its own");
    }

    private static String payaraVersion() throws IOException {
        Matcher version = Pattern.compile("<payara.version>(.+)</payara.version>")
                .matcher(Files.readString(Processes.projectRoot().resolve("pom.xml")));
        assertTrue(version.find(), "pom.xml has a payara.version");
        return version.group(1);
    }

    /** The project's own text: not what a build, git or an editor wrote beside it, and not a binary. */
    private static boolean isProjectText(Path file) {
        for (Path part : Processes.projectRoot().relativize(file)) {
            String name = part.toString();
            if (name.equals("target") || name.equals(".git") || name.equals("node_modules") || name.equals(".idea")) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        return !name.matches(".*\\.(png|jpg|jar|war|zip|gz|class)$") && !name.equals("pom.xml");
    }

    /** The web instances' data grid holds every session: a network only they join, and Hazelcast bound to it alone. */
    @Test
    void theDataGridHasANetworkOfItsOwn() throws IOException {
        Map<String, Object> grid = map(map(compose.get("networks")).get("grid"));
        String subnet = (String) map(((List<?>) map(grid.get("ipam")).get("config")).get(0)).get("subnet");
        for (String name : map(compose.get("services")).keySet()) {
            assertEquals(name.equals("web"), strings(service(name).get("networks")).contains("grid"), name + " on the grid");
        }
        assertTrue(subnet.endsWith(".0/24"), subnet);
        String web = Files.readString(CONTAINERS.resolve("web.Containerfile"));
        assertTrue(web.contains("\"--interfaces\", \"" + subnet.replace(".0/24", ".*") + "\""), "Hazelcast on the grid's subnet");
        assertTrue(web.contains("\"-Dhazelcast.socket.bind.any=false\""), "and on no other address");
    }

    /**
     * nginx is the only edge and replaces X-Forwarded-For with the peer it saw; the API believes the header only from
     * the proxies' own address range, never from every private network, nor from the gateway that published ports and
     * the host come from.
     */
    @Test
    void onlyTheProxiesOwnAddressesAreTrustedAndNginxReplacesTheClientsHeader() throws IOException {
        assertTrue(compose.get("networks") instanceof Map<?, ?> networks && networks.containsKey("proxies"), "a network of the proxies' own");
        Map<String, Object> proxies = map(map(compose.get("networks")).get("proxies"));
        Map<String, Object> ipam = map(((List<?>) map(proxies.get("ipam")).get("config")).get(0));
        String range = (String) ipam.get("ip_range");
        assertTrue(range != null && range.matches("[0-9.]+/(2[4-9]|3[0-2])"), "the proxies' addresses: " + ipam);
        assertTrue(!inRange((String) ipam.get("gateway"), range) && inRange(range.split("/")[0], (String) ipam.get("subnet")),
                "the gateway is outside the trusted range, which lies in the subnet: " + ipam);
        assertEquals(range, map(service("api").get("environment")).get("TRUSTED_PROXIES"));

        assertEquals(Set.of("edge", "proxies"), Set.copyOf(strings(service("nginx").get("networks"))), "nginx, the edge");
        assertEquals(List.of("proxies", "grid"), service("web").get("networks"), "the web app: the proxies' network, and its data grid's");
        assertEquals(Set.of("proxies", "backend"), Set.copyOf(strings(service("api").get("networks"))));
        for (String store : List.of("postgres", "redis", "redis-replica", "sentinel-1", "sentinel-2", "sentinel-3")) {
            assertEquals(List.of("backend"), service(store).get("networks"), store);
        }

        String nginx = Files.readString(CONTAINERS.resolve("nginx").resolve("nginx.conf"));
        assertTrue(nginx.contains("proxy_set_header X-Forwarded-For $remote_addr;"), "nginx replaces the client's header");
        assertFalse(nginx.contains("$proxy_add_x_forwarded_for"), "nginx never appends to the client's header");
        assertTrue(nginx.contains("set_real_ip_from " + range + ";"), "nginx believes the web app's header, and only the web app's");
    }

    /** Whether an IPv4 address lies in a CIDR block. */
    private static boolean inRange(String address, String cidr) {
        String[] parts = cidr.split("/");
        int prefix = Integer.parseInt(parts[1]);
        long mask = prefix == 0 ? 0 : 0xffffffffL << (32 - prefix) & 0xffffffffL;
        return (ipv4(address) & mask) == (ipv4(parts[0]) & mask);
    }

    private static long ipv4(String address) {
        long value = 0;
        for (String octet : address.split("\\.")) {
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }

    private void assertDependsOnHealthy(String service, String... dependencies) {
        Map<String, Object> dependsOn = map(service(service).get("depends_on"));
        assertEquals(Set.of(dependencies), dependsOn.keySet(), service);
        dependsOn.values().forEach(condition -> assertEquals("service_healthy", map(condition).get("condition"), service));
    }

    private Map<String, Object> services() {
        return map(compose.get("services"));
    }

    private Map<String, Object> service(String name) {
        return map(services().get(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }

    private static Map<String, Object> load() {
        try (var in = Files.newInputStream(CONTAINERS.resolve("compose.yaml"))) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
