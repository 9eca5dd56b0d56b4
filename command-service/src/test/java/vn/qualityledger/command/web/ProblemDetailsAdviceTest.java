package vn.qualityledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.PersistenceException;
import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.CannotCreateTransactionException;
import vn.qualityledger.command.reads.ReadLocations;
import vn.qualityledger.command.reads.ReadLocationsTest;

/**
 * Failures that are no refusal, with the exception chains the event store really produces: never a success, always a
 * problem with a code, and never a Java name in the body.
 */
@WebMvcTest(controllers = ObjectiveController.class, properties = "quality-ledger.query-service.public-url=" + ReadLocationsTest.READS)
@Import({AppliedDates.class, ReadLocations.class})
@AutoConfigureMockMvc(addFilters = false)
class ProblemDetailsAdviceTest {

    private static final String CANCELLATION = "/api/objectives/SLDTBXH-HD.MTCL-2023-01/measures/I.6/cancellation";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    /** ObjectiveController's collaborators for filing a file (whose upload it is); no test here files one. */
    @MockitoBean
    vn.qualityledger.command.files.StoredFiles storedFiles;
    @MockitoBean
    vn.qualityledger.support.security.CurrentActor currentActor;

    private ResultActions cancel(String body) throws Exception {
        return mvc.perform(post(CANCELLATION).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions cancelFailingWith(Throwable failure) throws Exception {
        doThrow(failure).when(commands).sendAndWait(any());
        return cancel("{\"reason\": \"Báo cáo kết quả thực hiện MTCL 6 tháng đã gộp\"}");
    }

    private static void namesNoJavaType(MvcResult result) throws Exception {
        assertThat(result.getResponse().getContentAsString())
                .doesNotContain("java.", "vn.qualityledger.", "tools.jackson", "JsonToken", "Exception", "org.");
    }

    /** The chain PostgreSQL's restart produced: the driver's EOFException under Hibernate, under Axon, under the bus. */
    private static RuntimeException serverWentAway() {
        PSQLException driver = new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE,
                new EOFException());
        return new CommandExecutionException("An exception occurred while attempting to store a number of events",
                new EventStoreException("An exception occurred while attempting to store a number of events",
                        new JDBCConnectionException("JDBC exception executing SQL [SELECT link FROM event_store.event_chain …]", driver)));
    }

    @Test
    void answersAConnectionLostMidCommandWith503AndRetryAfterNotWithAnEmptySuccess() throws Exception {
        MvcResult result = cancelFailingWith(serverWentAway())
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", ProblemDetailsAdvice.RETRY_AFTER_SECONDS))
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"))
                .andReturn();
        namesNoJavaType(result);
    }

    @Test
    void speaksEnglishByDefaultAndVietnameseWhenTheRequestPrefersIt() throws Exception {
        cancelFailingWith(serverWentAway())
                .andExpect(jsonPath("$.title").value("Service Unavailable"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The event store cannot be reached")));
        doThrow(serverWentAway()).when(commands).sendAndWait(any());
        mvc.perform(post(CANCELLATION).header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Đã gộp\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"))
                .andExpect(jsonPath("$.title").value("Dịch vụ tạm thời không sẵn sàng"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Không kết nối được kho sự kiện")));

        PSQLException duplicate = new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION);
        doThrow(new ConcurrencyException("already inserted", new PersistenceException("could not execute statement", duplicate)))
                .when(commands).sendAndWait(any());
        mvc.perform(post(CANCELLATION).header("Accept-Language", "vi").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Đã gộp\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Xung đột"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Hồ sơ mục tiêu đã thay đổi")));
        mvc.perform(post(CANCELLATION).header("Accept-Language", "vi").contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Yêu cầu không hợp lệ"))
                .andExpect(jsonPath("$.detail").value("Nội dung yêu cầu không phải JSON hợp lệ cho địa chỉ này"));
    }

    @Test
    void answersTheSameChainThrownWithoutTheBusWrapperWith503() throws Exception {
        cancelFailingWith(serverWentAway().getCause())
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"));
    }

    @Test
    void answersAnAdministratorShutdownThatAxonTookForADuplicateWith503NotAConflict() throws Exception {
        // The driver reports PostgreSQL's own state (57P01 admin_shutdown), which has no constant in PSQLState.
        SQLException shutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        cancelFailingWith(new ConcurrencyException("An event for aggregate [SLDTBXH-HD.MTCL-2023-01] at sequence [7] was already inserted",
                new PersistenceException("could not execute statement", shutdown)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"));
    }

    @Test
    void answersARefusedConnectionAndAnExhaustedPoolWith503() throws Exception {
        cancelFailingWith(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                new PSQLException("Connection to 127.0.0.1:5432 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"))))
                .andExpect(status().isServiceUnavailable());
        cancelFailingWith(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms.")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"));
    }

    @Test
    void answersAnUnreachableAxonServerWith503() throws Exception {
        // What a command met in Axon Server mode with no server reachable: the dispatch failed over gRPC UNAVAILABLE.
        cancelFailingWith(new java.util.concurrent.CompletionException(new IllegalStateException(
                "[AXONIQ-4003] Received exception while dispatching command", io.grpc.Status.UNAVAILABLE.asRuntimeException())))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"));
    }

    @Test
    void answersAStatementOnAConnectionThePoolClosedAfterItFailedWith503() throws Exception {
        // What DatabaseOutageIntegrationTest met: Axon swallowed the snapshot read's I/O error, Hikari closed the
        // connection, and reading the events then failed without any SQL state.
        cancelFailingWith(new CommandExecutionException("x", new org.hibernate.exception.GenericJDBCException(
                "Could not prepare statement [Connection is closed]", new SQLException("Connection is closed"))))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"));
    }

    @Test
    void answersARealSequenceConflictWith409() throws Exception {
        PSQLException duplicate = new PSQLException("ERROR: duplicate key value violates unique constraint \"uk_aggregate_identifier_sequence_number\"",
                PSQLState.UNIQUE_VIOLATION);
        cancelFailingWith(new ConcurrencyException("An event for aggregate [SLDTBXH-HD.MTCL-2023-01] at sequence [7] was already inserted",
                new PersistenceException("could not execute statement", duplicate)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONCURRENT_MODIFICATION"));
    }

    @Test
    void answersAnyOtherFailureWithAProblem500ThatNamesNoInternals() throws Exception {
        MvcResult result = cancelFailingWith(new IllegalStateException("NullPointerException in vn.qualityledger.command.objective.Objective"))
                .andExpect(status().isInternalServerError())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
                .andReturn();
        namesNoJavaType(result);
        cancelFailingWith(new CommandExecutionException("boom", new NullPointerException("x is null")))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"));
    }

    @Test
    void answersAnIllegalArgumentOfTheServiceAs500WithoutItsMessage() throws Exception {
        // thrown by our own code, worded for developers: a fault of the service, not of the request
        MvcResult result = cancelFailingWith(new IllegalArgumentException("measure I.6 has no schedule row in vn.qualityledger cache"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("schedule row", "cache");
        namesNoJavaType(result);
    }

    @Test
    void answersAnIdBreakingThePatternAs400NamingTheFieldAndThePattern() throws Exception {
        cancelFailingWith(new vn.qualityledger.api.common.InvalidIdException("MeasureId", "I 6"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
                .andExpect(jsonPath("$.errors[0].field").value("measureId"))
                .andExpect(jsonPath("$.errors[0].rule").value("Pattern"))
                .andExpect(jsonPath("$.errors[0].message").value("must match " + vn.qualityledger.api.common.Ids.PATTERN));
    }

    @Test
    void givesFrameworkErrorsACodeToo() throws Exception {
        mvc.perform(get(CANCELLATION)).andExpect(status().isMethodNotAllowed()).andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
        mvc.perform(post(CANCELLATION).contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        mvc.perform(post(CANCELLATION).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesANulInAReasonNamingTheFieldAndTheRule() throws Exception {
        cancel("{\"reason\": \"Hủy\\u0000\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].rule").value("NoControlCharacters"));
        cancel("{\"reason\": \"Hủy \\ud800\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].rule").value("NoControlCharacters"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesAReasonOfOnlyNoBreakSpacesLikeABlankOne() throws Exception {
        cancel("{\"reason\": \"\u00a0\u00a0\u2003\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].rule").value("NotBlank"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesLooseJsonNamingTheFieldInDomainWords() throws Exception {
        expectRefused(cancel("{\"reason\": \"a\", \"reason\": \"b\"}"), "reason", "DuplicateField");
        expectRefused(cancel("{\"reason\": 12}"), "reason", "Type");
        expectRefused(cancel("{\"reason\": true}"), "reason", "Type");
        expectRefused(cancel("{\"reason\": \"x\", \"effectiveOn\": [2023,1,1]}"), "effectiveOn", "IsoDate");
        expectRefused(cancel("{\"reason\": \"x\", \"effectiveOn\": 19000}"), "effectiveOn", "IsoDate");
        expectRefused(cancel("{\"reason\": \"x\", \"effectiveOn\": \"+999999999-12-31\"}"), "effectiveOn", "IsoDate");
        expectRefused(cancel("{\"reason\": \"x\", \"effectiveOn\": \"9999-12-31\"}"), "effectiveOn", "DateRange");
        expectRefused(cancel("{\"reason\": \"x\", \"reson\": \"y\"}"), "reson", "UnknownField");
        expectRefused(cancel("{\"reason\": [\"x\"]}"), "reason", "Type");
        expectRefused(mvc.perform(post("/api/objectives/SLDTBXH-HD.MTCL-2023-01/measurements").contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\": {\"from\": \"2023-01-01\", \"to\": \"2023-06-30\"}, \"value\": \"95\", \"source\": \"x\"}")), "value", "Type");
        verifyNoInteractions(commands);
    }

    private static void expectRefused(ResultActions actions, String field, String rule) throws Exception {
        MvcResult result = actions.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value(rule))
                .andReturn();
        namesNoJavaType(result);
    }

    @Test
    void acceptsVietnameseProseWithLineBreaks() throws Exception {
        cancel("{\"reason\": \"Báo cáo kết quả thực hiện MTCL 6 tháng\\nđã gộp vào báo cáo năm\", \"effectiveOn\": \"2023-06-30\"}")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value("I.6"));
    }
}
