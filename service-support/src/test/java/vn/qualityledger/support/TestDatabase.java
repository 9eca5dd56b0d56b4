package vn.qualityledger.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of its own for a test, dropped and created anew on every run so that no run sees another's state.
 * Reaches the local PostgreSQL through the same DB_* variables as the services.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static String host() {
        return env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5432");
    }

    public static String user() {
        return env("DB_USER", "postgres");
    }

    public static String password() {
        return env("DB_PASSWORD", "");
    }

    /** Drops the database if it exists, creates it empty, and returns its JDBC URL. */
    public static String recreate(String name) {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host() + "/postgres", user(), password());
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + host(), e);
        }
        return "jdbc:postgresql://" + host() + "/" + name;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
