package vn.qualityledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.qualityledger.command.JsonHttp.Reply;
import vn.qualityledger.support.TestDatabase;

/**
 * PostgreSQL going away under command-service (a restart, a killed connection): the service reaches the database
 * through a proxy this test controls, and the proxy drops every connection and refuses new ones. A command then gets
 * a 503 problem with Retry-After — never a success for a write that did not happen — and, once the database is back,
 * the same request succeeds and is stored once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=command-service", "spring.datasource.hikari.connection-timeout=2000",
                "spring.datasource.hikari.maximum-pool-size=4", "server.tomcat.threads.max=2"})
class DatabaseOutageIntegrationTest {

    private static final String DATABASE = "ql_test_command_outage";
    private static final Proxy PROXY = Proxy.start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String direct = TestDatabase.recreate(DATABASE);
        registry.add("spring.datasource.url", () -> direct.replace(TestDatabase.host(), "127.0.0.1:" + PROXY.port()));
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @LocalServerPort
    int port;

    private static int eventsOf(String aggregate) throws SQLException {
        try (Connection direct = DriverManager.getConnection("jdbc:postgresql://" + TestDatabase.host() + "/" + DATABASE,
                TestDatabase.user(), TestDatabase.password());
             PreparedStatement count = direct.prepareStatement("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?")) {
            count.setString(1, aggregate);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Test
    void answersCommandsWith503WhileTheDatabaseIsGoneAndTakesTheRetryOnceItIsBack() throws Exception {
        JsonHttp http = new JsonHttp("http://localhost:" + port);
        String define = """
                {"objectiveId": "outage-1", "organisationId": "SLDTBXH-HD", "year": 2023, "code": "MTCL-2023-01",
                 "statement": "100% hồ sơ TTHC được giải quyết đúng hạn"}""";
        assertThat(http.post("/api/objectives", define).status()).isEqualTo(201);
        String revise = """
                {"statement": "Báo cáo kết quả thực hiện MTCL 6 tháng đúng hạn"}""";

        PROXY.cut();
        for (int attempt = 0; attempt < 3; attempt++) {
            Reply reply = http.post("/api/objectives/outage-1/revisions", revise);
            assertThat(reply.status()).as(reply.raw()).isEqualTo(503);
            assertThat(reply.text("code")).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(reply.raw()).doesNotContain("java.", "org.", "EOF");
        }
        PROXY.restore();
        assertThat(eventsOf("outage-1")).isEqualTo(1);

        Reply retried = null;
        for (int attempt = 0; attempt < 20; attempt++) { // the pool reconnects within a few attempts
            retried = http.post("/api/objectives/outage-1/revisions", revise);
            if (retried.status() != 503) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(retried.status()).as(retried.raw()).isEqualTo(202);
        assertThat(retried.text("id")).isEqualTo("outage-1");
        assertThat(eventsOf("outage-1")).isEqualTo(2);
    }

    /** A TCP proxy to PostgreSQL that can drop every connection and refuse new ones, like a server restarting. */
    static final class Proxy implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private volatile boolean refusing;

        private Proxy(ServerSocket server) {
            this.server = server;
        }

        static Proxy start() {
            try {
                Proxy proxy = new Proxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
                Thread accepting = new Thread(proxy::accept, "postgres-proxy");
                accepting.setDaemon(true);
                accepting.start();
                return proxy;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        void cut() {
            refusing = true;
            open.forEach(Proxy::closeQuietly);
            open.clear();
        }

        void restore() {
            refusing = false;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (refusing) {
                        closeQuietly(client); // the driver sees the stream end: EOF, as during a restart
                        continue;
                    }
                    String[] target = TestDatabase.host().split(":");
                    Socket backend = new Socket(target[0], Integer.parseInt(target[1]));
                    open.add(client);
                    open.add(backend);
                    pump(client, backend);
                    pump(backend, client);
                } catch (IOException stopped) {
                    // closed, or the backend refused: the next accept decides
                }
            }
        }

        private void pump(Socket from, Socket to) {
            Thread pumping = new Thread(() -> {
                byte[] buffer = new byte[16384];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int read; (read = in.read(buffer)) >= 0; ) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                } catch (IOException cut) {
                    // one side closed
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }, "postgres-proxy-pump");
            pumping.setDaemon(true);
            pumping.start();
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() {
            cut();
            try {
                server.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
