package vn.qualityledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Where PostgreSQL is (the services' own DB_* variables and defaults) and plain JDBC connections to it. */
record Postgres(String host, int port, String user, String password) {

    static Postgres fromEnvironment() {
        return new Postgres(env("DB_HOST", "127.0.0.1"), Integer.parseInt(env("DB_PORT", "5432")),
                env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
    }

    String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return connect(database, false);
    }

    /** @param rewriteBatches let the driver send a batch of inserts as multi-row statements */
    Connection connect(String database, boolean rewriteBatches) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "quality-ledger-bench");
        if (rewriteBatches) {
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        return DriverManager.getConnection(url(database), properties);
    }

    /** Drops the database (ending its sessions) and creates it empty. Only ever called with a ql_bench*, ql_fault* or ql_restore* name. */
    void recreate(String database) throws SQLException {
        if (!database.startsWith("ql_bench") && !database.startsWith("ql_fault") && !database.startsWith("ql_restore")) {
            throw new IllegalArgumentException("the harness only drops its own databases (ql_bench*, ql_fault*, ql_restore*), not " + database);
        }
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
        }
    }

    /**
     * Creates schema event_store in an empty database from command-service's own migrations (service-support's
     * db/eventstore/V*.sql, in version order), for a database no service runs on (the loader proof's).
     */
    void createEventStore(String database) throws Exception {
        java.net.URL first = Postgres.class.getResource("/db/eventstore/V1__event_store.sql");
        if (first == null) {
            throw new BenchFailure("db/eventstore/V1__event_store.sql is not on the classpath");
        }
        java.util.TreeMap<Integer, String> migrations = new java.util.TreeMap<>();
        if ("jar".equals(first.getProtocol())) {
            try (java.util.jar.JarFile jar = ((java.net.JarURLConnection) first.openConnection()).getJarFile()) {
                for (var entries = jar.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    if (name.matches("db/eventstore/V\\d+__.*\\.sql")) {
                        migrations.put(version(name), name);
                    }
                }
            }
        } else {
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of(first.toURI()).getParent())) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                        .forEach(n -> migrations.put(version(n), "db/eventstore/" + n));
            }
        }
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA event_store");
            statement.execute("SET search_path TO event_store");
            for (String migration : migrations.values()) {
                try (var in = Postgres.class.getResourceAsStream("/" + migration)) {
                    statement.execute(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static int version(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    long queryLong(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long queryLong(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
