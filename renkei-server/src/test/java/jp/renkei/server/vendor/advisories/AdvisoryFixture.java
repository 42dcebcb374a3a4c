package jp.renkei.server.vendor.advisories;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.OrganisationKind;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Tenants;
import jp.renkei.server.vendor.psirt.ContactPoints;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A vendor for advisory tests: the home router RT-100 (firmware 1.0.0, 1.4.1, 1.4.2; 1.4.2 fixes the
 * injection) and the end-of-life RT-50 (support ended 2020-03-31, firmware 2.0), and one vulnerability
 * record about both.
 */
final class AdvisoryFixture {

    /** One vendor: its operator, public slug, and the API as the operator. */
    record Vendor(Tenants.Member operator, String slug, Api api) {}

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final ContactPoints contacts;
    private final int port;

    AdvisoryFixture(Accounts accounts, JdbcClient jdbc, ContactPoints contacts, int port) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.port = port;
    }

    Vendor newVendor(String name) {
        long org = accounts.createOrganisation(name + " " + UUID.randomUUID().toString().substring(0, 8),
                OrganisationKind.VENDOR);
        Tenants.Member operator = new Tenants(accounts).member(org, Role.OPERATOR);
        product(org, "RT-100", "Home router RT-100", null, "1.0.0", "1.4.1", "1.4.2");
        product(org, "RT-50", "Home router RT-50", LocalDate.of(2020, 3, 31), "2.0");
        return new Vendor(operator, contacts.of(org).orElseThrow().slug(), new Api(port, operator.token()));
    }

    /** A record: OS command injection in RT-100 before 1.4.2 (fixed there) and in every RT-50. */
    long injectionRecord(Vendor v, String cve, String cwe, boolean embargoed) {
        Api.Answer r = v.api().postJson("/api/v1/vulnerabilities", """
                {"title": "OS command injection in the diagnostics page", "description": "The ping field is passed to a shell.",
                 "cve": "%s", "cwe": "%s", "cvss31": "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                 "cvss40": "CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "status": "fixed",
                 "embargoed": %s,
                 "affected": [{"product": "RT-100", "from": "1.0.0", "to": "1.4.2", "fixedIn": "1.4.2"},
                              {"product": "RT-50", "allVersions": true}]}""".formatted(cve, cwe, embargoed));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** A draft advisory over the records, in Japanese unless told, TLP:WHITE. */
    long draft(Vendor v, String title, String language, long... records) {
        StringBuilder ids = new StringBuilder();
        for (long r : records) {
            ids.append(ids.isEmpty() ? "" : ",").append(r);
        }
        Api.Answer a = v.api().postJson("/api/v1/advisories", """
                {"records": [%s], "title": "%s", "language": "%s", "tlp": "CLEAR",
                 "workaround": "Allow the management page from trusted devices only."}""".formatted(ids, title, language));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asLong();
    }

    Api.Answer publish(Vendor v, long advisory, String summary) {
        return v.api().postJson("/api/v1/advisories/" + advisory + "/publish",
                "{\"status\": \"final\", \"summary\": \"" + summary + "\"}");
    }

    /** GET without login, the raw bytes. */
    Fetched fetch(String path) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Fetched(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One answer as bytes. */
    record Fetched(int status, String contentType, byte[] body) {

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private void product(long org, String model, String name, LocalDate endOfSupport, String... firmware) {
        long id = jdbc.sql("insert into product (organisation_id, model_number, name, end_of_support) values (?, ?, ?, ?) returning id")
                .params(org, model, name, endOfSupport == null ? null : java.sql.Date.valueOf(endOfSupport))
                .query(Long.class).single();
        for (String version : firmware) {
            jdbc.sql("insert into firmware (organisation_id, product_id, version) values (?, ?, ?)")
                    .params(org, id, version).update();
        }
    }
}
