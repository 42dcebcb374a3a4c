package jp.renkei.bench.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A throw-away database on the PostgreSQL server at 127.0.0.1:5432 (trust authentication), shared by Renkei and its peer. */
public final class LocalPostgres implements AutoCloseable {

    private static final String SERVER = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");

    private final String database;

    private LocalPostgres(String database) {
        this.database = database;
    }

    public static LocalPostgres create(String prefix) throws SQLException {
        String name = prefix + "_" + Long.toHexString(System.nanoTime());
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("create database " + name);
        }
        return new LocalPostgres(name);
    }

    public String jdbcUrl() {
        return SERVER + database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("drop database if exists " + database + " with (force)");
        }
    }
}
