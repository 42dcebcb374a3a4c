package jp.renkei.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.RenkeiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@RenkeiTest
class AccountsFlowTest {

    @LocalServerPort
    int port;

    @Test
    void bootstrapTokenActsAsTheAdministratorOfTheFirstOrganisation() {
        Api.Answer me = new Api(port, RenkeiTest.BOOTSTRAP_TOKEN).get("/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("organisationName").asString()).isEqualTo("Demo ISP");
        assertThat(me.json().get("role").asString()).isEqualTo("ADMINISTRATOR");
    }

    @Test
    void unknownTokenIsRefusedWithAJsonReason() {
        Api.Answer me = new Api(port, "rk_not_a_token").get("/api/v1/me");

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.json().get("reason").asString()).isEqualTo("invalid-token");
    }

    @Test
    void issuedTokenAuthenticatesItsOwner() {
        Api admin = new Api(port, RenkeiTest.BOOTSTRAP_TOKEN);
        String secret = admin.postJson("/api/v1/tokens", "{\"name\":\"script\"}").json().get("secret").asString();

        assertThat(admin.as(secret).get("/api/v1/me").status()).isEqualTo(200);
    }
}
