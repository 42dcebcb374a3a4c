package jp.renkei.server.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Runs real PostgreSQL binaries (from Maven Central) when no external database is configured,
 * keeping the cluster in {@code <RENKEI_DATA_DIR>/postgres} so data survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${renkei.db.url:}'.isEmpty()")
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Environment env) throws IOException {
        Path dataDir = Path.of(env.getProperty("renkei.data-dir", "renkei-data")).toAbsolutePath();
        Path pgData = dataDir.resolve("postgres");
        Files.createDirectories(dataDir);
        log.info("Starting embedded PostgreSQL with data in {}", pgData);
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                // Tests ask for a throw-away cluster; a real run keeps its data.
                .setCleanDataDirectory(env.getProperty("renkei.db.clean", Boolean.class, false))
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "50")
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("renkei-embedded");
        return new HikariDataSource(config);
    }
}
