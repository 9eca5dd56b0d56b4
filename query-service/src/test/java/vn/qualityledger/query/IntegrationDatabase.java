package vn.qualityledger.query;

import vn.qualityledger.support.TestDatabase;
import org.flywaydb.core.Flyway;

/**
 * A fresh database for one integration-test context, with the event store that command-service would have migrated
 * (query-service only reads it, so its own Flyway run leaves schema event_store alone).
 */
public final class IntegrationDatabase {

    private IntegrationDatabase() {
    }

    /**
     * {@code url} as query-service's pool connects to it (query-service.yml, {@code currentSchema}): the read models'
     * unqualified tables are those of schema query. For tests that make their own data source.
     */
    public static String asQueryServiceConnects(String url) {
        return url + "?currentSchema=query,public";
    }

    /** Recreates database {@code name}, migrates the event store into it and returns its JDBC URL. */
    public static String withEventStore(String name) {
        String url = TestDatabase.recreate(name);
        Flyway.configure()
                .dataSource(url, TestDatabase.user(), TestDatabase.password())
                .schemas("event_store")
                .locations("classpath:db/eventstore")
                .load()
                .migrate();
        return url;
    }
}
