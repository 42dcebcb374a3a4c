package jp.renkei.server.vendor.catalogue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.OrganisationKind;
import jp.renkei.server.platform.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Tenants;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test data for the vendor catalogue: vendor organisations, CycloneDX SBOMs and OSV dumps built in code. */
final class VendorFixtures {

    private VendorFixtures() {
    }

    /** A new vendor organisation with one user of the given role. */
    static Tenants.Member newVendor(Accounts accounts, String name, Role role) {
        long org = accounts.createOrganisation(name + " " + UUID.randomUUID().toString().substring(0, 8),
                OrganisationKind.VENDOR);
        return new Tenants(accounts).member(org, role);
    }

    /** One SBOM component: purl (or null), name, version, and an optional VEX statement. */
    record Part(String name, String version, String purl, String vexId, String vexState) {
        static Part of(String name, String version, String purl) {
            return new Part(name, version, purl, null, null);
        }

        Part vex(String id, String state) {
            return new Part(name, version, purl, id, state);
        }
    }

    /** A CycloneDX 1.6 JSON SBOM of the firmware with these components (bom-ref = name). */
    static String sbom(Part... parts) {
        String components = Stream.of(parts).map(p -> "{\"type\":\"library\",\"bom-ref\":\"" + p.name() + "\",\"name\":\""
                + p.name() + "\",\"version\":\"" + p.version() + "\"" + (p.purl() == null ? "" : ",\"purl\":\""
                + p.purl() + "\"") + "}").collect(Collectors.joining(","));
        String vex = Stream.of(parts).filter(p -> p.vexId() != null).map(p -> "{\"id\":\"" + p.vexId()
                + "\",\"analysis\":{\"state\":\"" + p.vexState() + "\"},\"affects\":[{\"ref\":\"" + p.name() + "\"}]}")
                .collect(Collectors.joining(","));
        return "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,"
                + "\"metadata\":{\"component\":{\"type\":\"firmware\",\"name\":\"RX-200 firmware\",\"version\":\"2.1.0\"}},"
                + "\"components\":[" + components + "]" + (vex.isEmpty() ? "" : ",\"vulnerabilities\":[" + vex + "]") + "}";
    }

    /** PUT with a JSON body (the shared {@code Api} has POST and GET only); answers status and body. */
    static Api.Answer put(int port, String token, String path, String json) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Answer(r.statusCode(), JsonMapper.builder().build().readTree(r.body()), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An import's answer and, once it finished, the re-matching it queued (missing when none was needed). */
    record Imported(JsonNode answer, JsonNode rematch) {}

    /** Imports an OSV zip through the API and waits for the re-matching it queued to finish. */
    static Imported importOsv(Api api, String fileName, byte[] zip) {
        Api.Answer answer = api.upload("/api/v1/vulnerability-data/import?format=osv", fileName, zip);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode queued = answer.json().path("rematch");
        if (queued.isMissingNode()) {
            return new Imported(answer.json(), queued);
        }
        long id = queued.path("id").asLong();
        JsonNode[] finished = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode latest = api.get("/api/v1/vulnerability-data").json().path("latestRematch");
            finished[0] = latest;
            // Re-matchings run in order, so a later one finished means this one did.
            return latest.path("id").asLong() >= id && latest.path("status").asString().equals("finished");
        });
        return new Imported(answer.json(), finished[0]);
    }

    /** An OSV record affecting one package from {@code introduced} up to (not including) {@code fixed}. */
    static String osv(String id, String alias, String modified, String ecosystem, String name, String introduced,
            String fixed) {
        return osv(id, alias, modified, ecosystem, name, introduced, fixed, false);
    }

    static String osv(String id, String alias, String modified, String ecosystem, String name, String introduced,
            String fixed, boolean withdrawn) {
        return "{\"schema_version\":\"1.6.0\",\"id\":\"" + id + "\",\"modified\":\"" + modified + "\","
                + (withdrawn ? "\"withdrawn\":\"" + modified + "\"," : "")
                + "\"published\":\"2021-01-01T00:00:00Z\",\"aliases\":[\"" + alias + "\"],\"summary\":\"test record\","
                + "\"affected\":[{\"package\":{\"ecosystem\":\"" + ecosystem + "\",\"name\":\"" + name + "\"},"
                + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"" + introduced + "\"},{\"fixed\":\""
                + fixed + "\"}]}]}]}";
    }

    /** A zip with one {@code <id>.json} entry per record, as osv.dev publishes an ecosystem. */
    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Entries keyed by {@code <id>.json}, in the order given. */
    static Map<String, String> records(String... json) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String j : json) {
            String id = j.replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            entries.put(id + ".json", j);
        }
        return entries;
    }
}
