package jp.renkei.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An operator defines a column mapping on the mappings page and imports a list through it. */
@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MappingsPageTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    Tenants.Member operator;
    Browser browser;

    @BeforeAll
    void signIn() {
        operator = new Tenants(accounts).newIsp("Mappings Page ISP", Role.OPERATOR);
        browser = new Browser(port);
        browser.signIn(operator.username(), operator.password());
    }

    @Test
    void anOperatorSavesAMappingOnThePageAndImportsThroughIt() {
        assertThat(browser.get("/mappings").body()).contains("列の対応付け").contains("id=\"mapping-form\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "nicter-page");
        form.put("encoding", "utf-8");
        form.put("timeColumn", "Time");
        form.put("timeZone", "JST");
        form.put("ipColumn", "Address");
        form.put("kind", "infected");
        form.put("family", "mirai");
        form.put("kindValues", "");

        Browser.Page saved = browser.post("/mappings", form);
        assertThat(saved.status()).isEqualTo(302);
        String page = browser.get("/mappings").body();
        assertThat(page).contains("id=\"mapping-saved\"").contains("nicter-page");
        assertThat(browser.get("/mappings?edit=nicter-page&lang=en").body()).contains("Column mappings")
                .contains("value=\"nicter-page\"");

        Api.Answer answer = new Api(port, operator.token()).upload("/api/v1/observations/import?format=csv"
                + "&mapping=nicter-page", "nicter.csv", "Time,Address\n2024-09-24 09:00,192.0.2.99\n");
        assertThat(answer.json().get("accepted").asLong()).as(answer.body()).isEqualTo(1);
    }

    @Test
    void aMappingWithoutAKindIsNotSavedAndTheErrorNamesTheField() {
        browser.get("/mappings");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "no-kind");
        form.put("timeColumn", "Time");
        form.put("ipColumn", "Address");
        browser.post("/mappings", form);

        assertThat(browser.get("/mappings").body()).contains("id=\"mapping-error\"").contains("kindColumn or fixedKind");
    }
}
