package jp.renkei.server.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A full Renkei on a random port with its own throw-away embedded PostgreSQL. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "renkei.bootstrap.token=" + RenkeiTest.BOOTSTRAP_TOKEN)
@ActiveProfiles("test")
public @interface RenkeiTest {
    /** The API token of the bootstrap administrator of "Demo ISP" in every test context. */
    String BOOTSTRAP_TOKEN = "rk_test_bootstrap_token";
}
