package jp.renkei.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what, enforced by the server: every role against every kind of endpoint, through
 * the API with a token and through the web UI with a password session.
 */
@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

    private static final String SUBSCRIBERS = "subscriber_id,name,email,phone,language\nRM-1,Role Matrix,rm@example.jp,,ja\n";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private final Map<Role, Tenants.Member> members = new EnumMap<>(Role.class);

    @BeforeAll
    void oneUserPerRoleInOneIsp() {
        Tenants tenants = new Tenants(accounts);
        Tenants.Member admin = tenants.newIsp("Role Matrix ISP", Role.ADMINISTRATOR);
        members.put(Role.ADMINISTRATOR, admin);
        members.put(Role.OPERATOR, tenants.member(admin.organisationId(), Role.OPERATOR));
        members.put(Role.AUDITOR, tenants.member(admin.organisationId(), Role.AUDITOR));
    }

    @ParameterizedTest(name = "API {0} {1} {2} → {3}")
    @CsvSource(textBlock = """
            ADMINISTRATOR, GET,  /api/v1/cases,                     200
            OPERATOR,      GET,  /api/v1/cases,                     200
            AUDITOR,       GET,  /api/v1/cases,                     200
            AUDITOR,       GET,  /api/v1/observations?attributed=false, 200
            ADMINISTRATOR, POST, /api/v1/subscribers/import,        200
            OPERATOR,      POST, /api/v1/subscribers/import,        200
            AUDITOR,       POST, /api/v1/subscribers/import,        403
            AUDITOR,       POST, /api/v1/assignments/import?format=freeradius-detail, 403
            AUDITOR,       POST, /api/v1/observations/import?format=shadowserver,     403
            ADMINISTRATOR, GET,  /api/v1/users,                     200
            OPERATOR,      GET,  /api/v1/users,                     403
            AUDITOR,       GET,  /api/v1/users,                     403
            ADMINISTRATOR, POST, /api/v1/users,                     201
            OPERATOR,      POST, /api/v1/users,                     403
            AUDITOR,       POST, /api/v1/users,                     403
            ADMINISTRATOR, GET,  /api/v1/audit,                     403
            OPERATOR,      GET,  /api/v1/audit,                     403
            AUDITOR,       GET,  /api/v1/audit,                     200
            AUDITOR,       POST, /api/v1/tokens,                    201
            """)
    void apiEnforcesRoles(Role role, String method, String path, int expected) {
        Api api = new Api(port, members.get(role).token());
        Api.Answer answer = switch (method + " " + path.replaceAll("\\?.*", "")) {
            case "POST /api/v1/users" -> api.postJson(path, "{\"username\":\"u-" + UUID.randomUUID().toString()
                    .substring(0, 8) + "\",\"password\":\"a-long-password\",\"role\":\"operator\"}");
            case "POST /api/v1/tokens" -> api.postJson(path, "{\"name\":\"script\"}");
            case "POST /api/v1/subscribers/import" -> api.upload(path, "subscribers.csv", SUBSCRIBERS);
            default -> method.equals("GET") ? api.get(path) : api.upload(path, "2026-11-22-scan_telnet-x.csv", "x");
        };

        assertThat(answer.status()).as(answer.body()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "web {0} {1} {2} → {3}")
    @CsvSource(textBlock = """
            ADMINISTRATOR, GET,  /,                  200
            OPERATOR,      GET,  /cases,             200
            AUDITOR,       GET,  /imports,           200
            ADMINISTRATOR, GET,  /settings/users,    200
            OPERATOR,      GET,  /settings/users,    403
            AUDITOR,       GET,  /settings/users,    200
            ADMINISTRATOR, POST, /settings/users,    302
            OPERATOR,      POST, /settings/users,    403
            AUDITOR,       POST, /settings/users,    403
            ADMINISTRATOR, GET,  /audit,             403
            OPERATOR,      GET,  /audit,             403
            AUDITOR,       GET,  /audit,             200
            AUDITOR,       POST, /settings/tokens,   302
            AUDITOR,       POST, /imports/subscribers, 403
            ADMINISTRATOR, GET,  /remediation,       200
            OPERATOR,      GET,  /remediation/new,   200
            AUDITOR,       GET,  /remediation,       403
            OPERATOR,      POST, /remediation,       400
            AUDITOR,       POST, /remediation,       403
            AUDITOR,       GET,  /quarantines,       200
            AUDITOR,       GET,  /settings/garden,   200
            ADMINISTRATOR, POST, /settings/garden,   302
            OPERATOR,      POST, /settings/garden,   403
            AUDITOR,       POST, /settings/garden/allow, 403
            AUDITOR,       GET,  /settings/quarantine-policy, 200
            ADMINISTRATOR, POST, /settings/quarantine-policy, 302
            OPERATOR,      POST, /settings/quarantine-policy, 403
            AUDITOR,       POST, /settings/quarantine-policy/retire, 403
            ADMINISTRATOR, GET,  /cases/effectiveness, 200
            OPERATOR,      GET,  /cases/effectiveness, 200
            AUDITOR,       GET,  /cases/effectiveness, 200
            """)
    void webEnforcesRoles(Role role, String method, String path, int expected) {
        Tenants.Member member = members.get(role);
        Browser browser = new Browser(port);
        assertThat(browser.signIn(member.username(), member.password()).location()).doesNotContain("error");
        browser.get("/settings/tokens"); // any page that carries a CSRF token

        Browser.Page page = method.equals("GET") ? browser.get(path)
                : browser.post(path, Map.of("username", "w-" + UUID.randomUUID().toString().substring(0, 8),
                        "displayName", "Web user", "password", "a-long-password", "role", "operator",
                        "name", "web token"));

        assertThat(page.status()).isEqualTo(expected);
    }

    // vendor catalogue: products, SBOMs, vulnerability data and findings (writers change, auditors read).
    @ParameterizedTest(name = "vendor catalogue {0} {1} {2} → {3}")
    @CsvSource(textBlock = """
            AUDITOR,       GET,  /api/v1/products,                                 200
            AUDITOR,       POST, /api/v1/products,                                 403
            OPERATOR,      POST, /api/v1/products,                                 201
            AUDITOR,       POST, /api/v1/sboms?product=RM-1&firmware=1.0,          403
            OPERATOR,      POST, /api/v1/sboms?product=RM-1&firmware=1.0,          200
            AUDITOR,       GET,  /api/v1/sboms?product=RM-0&firmware=0.0,          404
            AUDITOR,       POST, /api/v1/vulnerability-data/import?format=osv,     403
            ADMINISTRATOR, POST, /api/v1/vulnerability-data/import?format=osv,     200
            AUDITOR,       GET,  /api/v1/findings/changes,                         200
            AUDITOR,       GET,  /vendor/products,                                 200
            AUDITOR,       POST, /vendor/products,                                 403
            OPERATOR,      POST, /vendor/products,                                 302
            AUDITOR,       GET,  /vendor/changes,                                  200
            """)
    void vendorCatalogueEnforcesRoles(Role role, String method, String path, int expected) throws java.io.IOException {
        Tenants.Member member = vendorMembers.get(role);
        String model = "RM-" + UUID.randomUUID().toString().substring(0, 8);
        int status;
        if (path.startsWith("/vendor/")) {
            Browser browser = new Browser(port);
            browser.signIn(member.username(), member.password());
            browser.get("/settings/tokens");
            status = method.equals("GET") ? browser.get(path).status()
                    : browser.post(path, Map.of("modelNumber", model, "name", "Role matrix", "updateMechanism",
                            "user-applied")).status();
        } else {
            Api api = new Api(port, member.token());
            java.io.ByteArrayOutputStream osvZip = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(osvZip)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("RM-1.json"));
                zip.write("{\"id\":\"RM-1\",\"modified\":\"2024-01-01T00:00:00Z\",\"affected\":[]}".getBytes());
            }
            status = (switch (method + " " + path.replaceAll("\\?.*", "")) {
                case "POST /api/v1/products" -> api.postJson(path, "{\"modelNumber\":\"" + model + "\",\"name\":\"x\"}");
                case "POST /api/v1/sboms" -> api.upload(path, "sbom.json",
                        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[]}");
                case "POST /api/v1/vulnerability-data/import" -> api.upload(path, "osv.zip", osvZip.toByteArray());
                default -> api.get(path);
            }).status();
        }

        assertThat(status).isEqualTo(expected);
    }

    // vendor psirt: the same rules for a vendor's PSIRT console, intake API and records; the contact point is public.
    private final Map<Role, Tenants.Member> vendorMembers = new EnumMap<>(Role.class);

    @BeforeAll
    void oneUserPerRoleInOneVendor() {
        Tenants tenants = new Tenants(accounts);
        long vendor = accounts.createOrganisation("Role Matrix Vendor " + UUID.randomUUID().toString().substring(0, 8),
                OrganisationKind.VENDOR);
        for (Role role : Role.values()) {
            vendorMembers.put(role, tenants.member(vendor, role));
        }
    }

    @ParameterizedTest(name = "PSIRT API {0} {1} {2} → {3}")
    @CsvSource(textBlock = """
            ADMINISTRATOR, POST, /api/v1/vulnerabilities,        201
            OPERATOR,      POST, /api/v1/vulnerabilities,        201
            AUDITOR,       POST, /api/v1/vulnerabilities,        403
            AUDITOR,       GET,  /api/v1/vulnerabilities,        200
            OPERATOR,      POST, /api/v1/vulnerability-reports,  201
            AUDITOR,       POST, /api/v1/vulnerability-reports,  403
            AUDITOR,       GET,  /api/v1/vulnerability-reports,  200
            OPERATOR,      POST, /api/v1/advisories,             400
            AUDITOR,       POST, /api/v1/advisories,             403
            AUDITOR,       GET,  /api/v1/advisories,             200
            AUDITOR,       POST, /api/v1/advisories/import,      403
            """)
    void psirtApiEnforcesRoles(Role role, String method, String path, int expected) {
        Api api = new Api(port, vendorMembers.get(role).token());
        String body = path.endsWith("reports") ? "{\"description\": \"role matrix\"}" : "{\"title\": \"role matrix\"}";
        Api.Answer answer = method.equals("GET") ? api.get(path) : api.postJson(path, body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "PSIRT web {0} {1} {2} → {3}")
    @CsvSource(textBlock = """
            AUDITOR,       GET,  /psirt,                  200
            OPERATOR,      GET,  /psirt/vulnerabilities,  200
            AUDITOR,       GET,  /psirt/settings,         200
            ADMINISTRATOR, POST, /psirt/settings,         302
            OPERATOR,      POST, /psirt/settings,         403
            AUDITOR,       POST, /psirt/settings,         403
            AUDITOR,       POST, /psirt/vulnerabilities,  403
            AUDITOR,       GET,  /psirt/advisories,       200
            OPERATOR,      POST, /psirt/advisories,       400
            AUDITOR,       POST, /psirt/advisories,       403
            """)
    void psirtWebEnforcesRoles(Role role, String method, String path, int expected) {
        Tenants.Member member = vendorMembers.get(role);
        Browser browser = new Browser(port);
        browser.signIn(member.username(), member.password());
        browser.get("/psirt/settings"); // carries a CSRF token

        Browser.Page page = method.equals("GET") ? browser.get(path)
                : browser.post(path, Map.of("slug", "role-matrix-" + UUID.randomUUID().toString().substring(0, 8),
                        "contactEmail", "", "acknowledgmentsUrl", "", "encryptionUrl", "", "policyJa", "方針",
                        "policyEn", "Policy", "acknowledgeBusinessDays", "5", "triageBusinessDays", "10", "fixDays", "90",
                        "title", "role matrix"));

        assertThat(page.status()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void theVendorsContactPointNeedsNoLogin() {
        Browser anyone = new Browser(port);
        Tenants.Member admin = vendorMembers.get(Role.ADMINISTRATOR);
        Browser signedIn = new Browser(port);
        signedIn.signIn(admin.username(), admin.password());
        String slug = signedIn.get("/psirt/settings").body().replaceAll("(?s).*name=\"slug\"[^>]*value=\"([^\"]+)\".*", "$1");

        assertThat(anyone.get("/vendors/" + slug + "/policy").status()).isEqualTo(200);
        assertThat(anyone.get("/vendors/" + slug + "/report").status()).isEqualTo(200);
        assertThat(anyone.get("/vendors/" + slug + "/security.txt").status()).isEqualTo(200);
        assertThat(anyone.get("/psirt").status()).isEqualTo(302);
        // vendor advisories: the provider directory, the advisory pages and the owners' registration are public too.
        assertThat(anyone.get("/vendors/" + slug + "/.well-known/csaf/provider-metadata.json").status()).isEqualTo(200);
        assertThat(anyone.get("/vendors/" + slug + "/advisories").status()).isEqualTo(200);
        assertThat(anyone.get("/vendors/" + slug + "/owners").status()).isEqualTo(200);
        assertThat(anyone.get("/psirt/advisories").status()).isEqualTo(302);
    }

    // notify channels: the settings hold gateway and LINE secrets (administrators only); letters and the call
    // list show addresses and phone numbers, for administrators and operators.
    @ParameterizedTest(name = "notify channels {0} {1} {2} → {3}")
    @CsvSource(textBlock = """
            ADMINISTRATOR, GET,  /notify/channels,              200
            OPERATOR,      GET,  /notify/channels,              403
            AUDITOR,       GET,  /notify/channels,              403
            ADMINISTRATOR, POST, /notify/channels,              302
            OPERATOR,      POST, /notify/channels,              403
            OPERATOR,      GET,  /notify/letters,               200
            AUDITOR,       GET,  /notify/letters,               403
            OPERATOR,      POST, /notify/letters/batches,       302
            AUDITOR,       POST, /notify/letters/batches,       403
            AUDITOR,       GET,  /notify/letters/batches/1.pdf, 403
            ADMINISTRATOR, GET,  /notify/call-list,             200
            OPERATOR,      GET,  /notify/call-list,             200
            AUDITOR,       GET,  /notify/call-list,             403
            AUDITOR,       POST, /notify/call-list/1,           403
            """)
    void notifyChannelPagesEnforceRoles(Role role, String method, String path, int expected) {
        Tenants.Member member = members.get(role);
        Browser browser = new Browser(port);
        browser.signIn(member.username(), member.password());
        browser.get("/settings/tokens"); // carries a CSRF token

        Browser.Page page = method.equals("GET") ? browser.get(path)
                : browser.post(path, Map.of("smsMethod", "POST", "outcome", "reached"));

        assertThat(page.status()).isEqualTo(expected);
    }

    // escalation: every role reads the ladders; only administrators change them, the default or an experiment.
    @ParameterizedTest(name = "ladders {0} {1} {2} → {3}")
    @CsvSource(textBlock = """
            AUDITOR,       GET,  /api/v1/ladders,             200
            OPERATOR,      PUT,  /api/v1/ladders,             403
            AUDITOR,       PUT,  /api/v1/ladders,             403
            ADMINISTRATOR, PUT,  /api/v1/ladders,             200
            AUDITOR,       GET,  /escalation/ladders,         200
            OPERATOR,      POST, /escalation/ladders/default, 403
            AUDITOR,       POST, /escalation/experiment,      403
            ADMINISTRATOR, POST, /escalation/ladders/default, 302
            """)
    void laddersEnforceRoles(Role role, String method, String path, int expected) throws Exception {
        Tenants.Member member = members.get(role);
        int status;
        if (path.startsWith("/api/")) {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + member.token());
            request = method.equals("GET") ? request.GET() : request.header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"default\": \"default\"}"));
            status = java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } else {
            Browser browser = new Browser(port);
            browser.signIn(member.username(), member.password());
            browser.get("/escalation/ladders");
            status = method.equals("GET") ? browser.get(path).status()
                    : browser.post(path, Map.of("ladder", "default")).status();
        }

        assertThat(status).isEqualTo(expected);
    }
}
