package jp.renkei.server.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Production: a PostgreSQL server named by {@code RENKEI_DB_URL} (+ user and password). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${renkei.db.url:}'.isEmpty()")
class ExternalDatabase {

    @Bean(destroyMethod = "close")
    DataSource dataSource(Environment env) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(env.getRequiredProperty("renkei.db.url"));
        config.setUsername(env.getProperty("renkei.db.user", ""));
        config.setPassword(env.getProperty("renkei.db.password", ""));
        config.setMaximumPoolSize(env.getProperty("renkei.db.pool-size", Integer.class, 20));
        config.setPoolName("renkei");
        return new HikariDataSource(config);
    }
}
