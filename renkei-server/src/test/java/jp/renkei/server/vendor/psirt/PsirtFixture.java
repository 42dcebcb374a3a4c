package jp.renkei.server.vendor.psirt;

import java.util.UUID;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.OrganisationKind;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Tenants;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Vendors for PSIRT tests: a fresh vendor organisation with users, and products and firmware in its catalogue. */
final class PsirtFixture {

    private final Accounts accounts;
    private final JdbcClient jdbc;

    PsirtFixture(Accounts accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** A new vendor organisation ("Example Devices 1a2b3c4d") with one user of the given role. */
    Tenants.Member newVendor(String name, Role role) {
        long org = accounts.createOrganisation(name + " " + UUID.randomUUID().toString().substring(0, 8),
                OrganisationKind.VENDOR);
        return new Tenants(accounts).member(org, role);
    }

    Tenants.Member member(long organisationId, Role role) {
        return new Tenants(accounts).member(organisationId, role);
    }

    /** Adds a product with the given firmware versions to the vendor's catalogue; returns the product id. */
    long product(long organisationId, String modelNumber, String name, String... firmware) {
        long id = jdbc.sql("insert into product (organisation_id, model_number, name) values (?, ?, ?) returning id")
                .params(organisationId, modelNumber, name).query(Long.class).single();
        for (String version : firmware) {
            jdbc.sql("insert into firmware (organisation_id, product_id, version) values (?, ?, ?)")
                    .params(organisationId, id, version).update();
        }
        return id;
    }

    /** PUT with a JSON body and a bearer token (the shared Api helper has GET and POST only). */
    static Api.Answer put(int port, String token, String path, String json) {
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Api.Answer(r.statusCode(), tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body()),
                    r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The public slug of the vendor's contact point (created with defaults on first use). */
    String slug(ContactPoints contacts, long organisationId) {
        return contacts.of(organisationId).orElseThrow().slug();
    }
}
