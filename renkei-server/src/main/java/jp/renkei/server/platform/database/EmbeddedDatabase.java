package jp.renkei.server.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /** Held for the life of the process: two Renkeis on one data directory would corrupt each other. */
    record DataDirLock(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            lock.release();
            channel.close();
        }
    }

    @Bean(destroyMethod = "close")
    DataDirLock dataDirLock(Environment env) throws IOException {
        Path dataDir = dataDir(env);
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(dataDir.resolve("renkei.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Another Renkei is running on RENKEI_DATA_DIR " + dataDir
                    + "; stop it or choose another directory");
        }
        return new DataDirLock(channel, lock);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Environment env, DataDirLock lock) throws IOException {
        Path pgData = dataDir(env).resolve("postgres");
        boolean throwAway = env.getProperty("renkei.db.clean", Boolean.class, false);
        OrphanedPostmaster.stopIfRunning(pgData);
        log.info("Starting embedded PostgreSQL with data in {}", pgData);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(throwAway)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "50");
        if (!throwAway) {
            // The embedding library turns durability off for speed; a notice outbox needs commits that survive a crash.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        return builder.start();
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

    private static Path dataDir(Environment env) {
        return Path.of(env.getProperty("renkei.data-dir", "renkei-data")).toAbsolutePath();
    }
}
