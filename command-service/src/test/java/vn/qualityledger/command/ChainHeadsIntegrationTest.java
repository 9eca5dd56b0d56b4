package vn.qualityledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.support.TestDatabase;
import vn.qualityledger.support.integrity.ChainHeads;
import vn.qualityledger.support.integrity.EventChain;
import vn.qualityledger.support.integrity.EventChainVerifier;
import vn.qualityledger.support.integrity.EventChainVerifier.Verification;
import vn.qualityledger.support.integrity.TamperEvidentEventStorageEngine;

/**
 * The chain link of an append whose previous link this service committed itself is computed without reading that link
 * back (issue 13); a link it did not commit — another replica's, or its own rolled back — is read from the store, and
 * every chain still verifies. The statements are counted at the JDBC connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=command-service")
@Import(ChainHeadsIntegrationTest.CountedStatements.class)
class ChainHeadsIntegrationTest {

    private static final String PREVIOUS_LINK_READ = "SELECT link FROM event_store.event_chain";
    private static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.recreate("ql_test_command_chain_heads");
        registry.add("spring.datasource.url", () -> url);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventChainVerifier verifier;
    @Autowired
    TamperEvidentEventStorageEngine engine;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EntityManagerProvider entityManagerProvider;
    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    EventChain chain;

    private JsonHttp http;

    @BeforeEach
    void client() {
        http = new JsonHttp("http://localhost:" + port);
    }

    @Test
    void aSecondCommandOnAStreamReadsNoPreviousLink() {
        assertThat(http.post("/api/objectives", """
                {"objectiveId": "heads-1", "organisationId": "SLDTBXH-HD", "year": 2023, "code": "heads-1", "statement": "Mục tiêu kiểm thử"}""")
                .status()).isEqualTo(201);
        STATEMENTS.clear();
        assertThat(http.post("/api/objectives/heads-1/measures", """
                {"measureId": "I.6", "details": {"code": "I.6", "title": "Báo cáo 6 tháng", "leadUnits": ["VP"], "monitors": ["QMR"],
                  "schedule": {"rules": [{"due": "2023-05-14"}]}}}""").status()).isEqualTo(201);

        assertThat(previousLinkReads()).isZero();
        assertVerified(verifier.verify("heads-1"), 2);
    }

    @Test
    void aReplicaThatDidNotWriteTheStreamLastReadsThePreviousLink() {
        TamperEvidentEventStorageEngine otherReplica = otherReplica();
        append(engine, "heads-2", 0, "by this service");
        STATEMENTS.clear();

        append(otherReplica, "heads-2", 1, "by the other replica");
        assertThat(previousLinkReads()).isEqualTo(1);
        // This service's head (event 0) is older than the stream now: it misses and the link is read.
        append(engine, "heads-2", 2, "by this service again");
        assertThat(previousLinkReads()).isEqualTo(2);

        assertVerified(verifier.verify("heads-2"), 3);
    }

    @Test
    void aRolledBackAppendLeavesNoLinkForTheNextAppend() {
        append(engine, "heads-3", 0, "committed");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            engine.appendEvents(event("heads-3", 1, "rolled back"));
            status.setRollbackOnly();
        });
        assertThat(eventsIn("heads-3")).isEqualTo(1);
        // The position the rollback freed is taken by another replica with other content.
        append(otherReplica(), "heads-3", 1, "the other replica's event 1");
        STATEMENTS.clear();

        append(engine, "heads-3", 2, "chained to the stored event 1");

        assertThat(previousLinkReads()).isEqualTo(1);
        assertVerified(verifier.verify("heads-3"), 3);
    }

    private void append(TamperEvidentEventStorageEngine storage, String stream, long sequence, String payload) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> storage.appendEvents(event(stream, sequence, payload)));
    }

    private static GenericDomainEventMessage<String> event(String stream, long sequence, String payload) {
        return new GenericDomainEventMessage<>("ChainProbe", stream, sequence, payload);
    }

    /** A second command-service on the same database: the same engine, with heads of its own. */
    private TamperEvidentEventStorageEngine otherReplica() {
        return new TamperEvidentEventStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(eventSerializer)
                .eventSerializer(eventSerializer)
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(axonTransactions), chain, new ChainHeads(100));
    }

    private long eventsIn(String stream) {
        try (var events = engine.storedEvents(stream)) {
            return events.count();
        }
    }

    private static long previousLinkReads() {
        return STATEMENTS.stream().filter(sql -> sql.contains(PREVIOUS_LINK_READ)).count();
    }

    private static void assertVerified(Verification verification, long events) {
        assertThat(verification.firstFailure()).isNull();
        assertThat(verification.verified()).isTrue();
        assertThat(verification.eventsChecked()).isEqualTo(events);
    }

    /** Wraps the service's data source so that every statement prepared on it is recorded. */
    @TestConfiguration
    static class CountedStatements {

        @Bean
        static BeanPostProcessor recordPreparedStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource) ? new Recording(dataSource) : bean;
                }
            };
        }
    }

    private static final class Recording extends DelegatingDataSource {

        Recording(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return recorded(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return recorded(super.getConnection(username, password));
        }

        private static Connection recorded(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                if (method.getName().startsWith("prepare") && args != null && args.length > 0 && args[0] instanceof String sql) {
                    STATEMENTS.add(sql);
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        }
    }
}
