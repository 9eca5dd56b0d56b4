package vn.qualityledger.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.node.ObjectNode;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.objective.EvidenceId;
import vn.qualityledger.api.objective.EvidenceSubmittedEvent;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.api.objective.OccurrenceId;
import vn.qualityledger.api.report.ResultsReportId;
import vn.qualityledger.api.report.ResultsReportIssuedEvent;
import vn.qualityledger.api.report.ResultsReportKind;
import vn.qualityledger.api.review.ManagementReviewId;
import vn.qualityledger.api.review.ReviewMinutesIssuedEvent;
import vn.qualityledger.support.upcasting.EventRevisionUpcast;
import vn.qualityledger.support.upcasting.EvidenceSubmittedV1ToV2;
import vn.qualityledger.support.upcasting.PublishedEventUpcaster;
import vn.qualityledger.support.upcasting.ResultsReportIssuedV1ToV2;
import vn.qualityledger.support.upcasting.ReviewMinutesIssuedV1ToV2;
import vn.qualityledger.support.upcasting.UpcastingConfiguration;
import vn.qualityledger.support.upcastingproof.NoteRecordedEvent;
import vn.qualityledger.support.upcastingproof.NoteRecordedV1ToV2;

/**
 * A stored event of an older revision reads as the current record: the path Axon's event store takes when it reads
 * (stored bytes, the upcaster chain, Jackson 3 deserialization), with the services' serializer settings.
 */
class EventUpcastingTest {

    private static final Jackson3Serializer SERIALIZER = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(new AxonSupportConfiguration().trustedTypesJsonMapperCustomizer()).build();

    @Test
    void aStoredRevisionOneEventReadsAsRevisionTwo() {
        DomainEventData<byte[]> stored = stored(NoteRecordedEvent.class, "1",
                "{\"noteId\":\"n-1\",\"unitName\":\"Văn phòng\",\"text\":\"Đã rà soát hồ sơ\",\"recordedOn\":\"2023-05-14\"}");

        List<? extends DomainEventMessage<?>> read = read(stored, new PublishedEventUpcaster(List.of(new NoteRecordedV1ToV2())));

        assertThat(read).singleElement().satisfies(message -> {
            assertThat(message.getPayload()).isEqualTo(new NoteRecordedEvent("n-1", "Văn phòng", "Đã rà soát hồ sơ", "vi", LocalDate.of(2023, 5, 14)));
            assertThat(message.getIdentifier()).isEqualTo("event-1");
            assertThat(message.getSequenceNumber()).isZero();
        });
    }

    @Test
    void aStoredEventOfTheCurrentRevisionIsLeftAlone() {
        DomainEventData<byte[]> stored = stored(NoteRecordedEvent.class, "2",
                "{\"noteId\":\"n-2\",\"unit\":\"VP\",\"text\":\"Note\",\"language\":\"en\",\"recordedOn\":\"2023-06-01\"}");

        assertThat(read(stored, new PublishedEventUpcaster(List.of(new NoteRecordedV1ToV2()))))
                .singleElement().extracting(DomainEventMessage::getPayload)
                .isEqualTo(new NoteRecordedEvent("n-2", "VP", "Note", "en", LocalDate.of(2023, 6, 1)));
    }

    @Test
    void withoutItsUpcasterARevisionOneEventLosesWhatWasRenamed() {
        DomainEventData<byte[]> stored = stored(NoteRecordedEvent.class, "1",
                "{\"noteId\":\"n-1\",\"unitName\":\"Văn phòng\",\"text\":\"Đã rà soát hồ sơ\",\"recordedOn\":\"2023-05-14\"}");

        NoteRecordedEvent read = (NoteRecordedEvent) read(stored, new PublishedEventUpcaster(List.of())).get(0).getPayload();

        assertThat(read.unit()).as("why every new revision needs its upcaster").isNull();
    }

    @Test
    void stepsApplyInTheOrderOfTheirRevisionsWhateverTheOrderTheyWereDeclaredIn() {
        EventRevisionUpcast twoToThree = step("2", payload -> payload.put("text", payload.get("text").asString() + " [2→3]"));
        EventRevisionUpcast oneToTwo = step("1", payload -> payload.put("text", payload.get("text").asString() + " [1→2]"));
        DomainEventData<byte[]> stored = stored(NoteRecordedEvent.class, "1", "{\"noteId\":\"n-1\",\"text\":\"x\"}");

        DomainEventMessage<?> read = read(stored, new PublishedEventUpcaster(List.of(twoToThree, oneToTwo))).get(0);

        assertThat(((NoteRecordedEvent) read.getPayload()).text()).isEqualTo("x [1→2] [2→3]");
    }

    @Test
    void evidenceSubmittedAtRevisionOneReadsAsRevisionTwoWithoutAFile() {
        DomainEventData<byte[]> stored = stored(EvidenceSubmittedEvent.class, "1", """
                {"objectiveId":"SLDTBXH-HD.MTCL-2023-01","evidenceId":"ev-1","measureId":"I.6","occurrenceId":"I.6@2023-05-14",
                 "document":{"number":"512/BC-SLĐTBXH","date":"2023-05-12","issuer":"Văn phòng Sở","title":"Báo cáo 6 tháng",
                             "link":null,"sha256":null},"submittedOn":"2023-05-14"}""");

        Object read = read(stored, new PublishedEventUpcaster(List.of(new EvidenceSubmittedV1ToV2()))).get(0).getPayload();

        assertThat(read).isEqualTo(new EvidenceSubmittedEvent(new ObjectiveId("SLDTBXH-HD.MTCL-2023-01"), new EvidenceId("ev-1"),
                new MeasureId("I.6"), new OccurrenceId("I.6@2023-05-14"),
                new DocumentReference("512/BC-SLĐTBXH", LocalDate.of(2023, 5, 12), "Văn phòng Sở", "Báo cáo 6 tháng", null, null),
                LocalDate.of(2023, 5, 14), null));
    }

    @Test
    void aResultsReportIssuedAtRevisionOneReadsAsRevisionTwoWithoutACheckpoint() {
        DomainEventData<byte[]> stored = stored(ResultsReportIssuedEvent.class, "1", """
                {"reportId":"r-1","organisationId":"SLDTBXH-HD","year":2023,"kind":"SIX_MONTH","cutOff":"2023-06-30T10:00:00Z",
                 "number":"215/BC-SLĐTBXH","organisationName":"SỞ LAO ĐỘNG","parentName":"UBND TỈNH HẢI DƯƠNG","place":"Hải Dương",
                 "signerAuthority":"","signerTitle":"GIÁM ĐỐC","signerName":"Nguyễn Văn An","recipients":["Lưu: VT"],
                 "docxSha256":"%s","xlsxSha256":"%s","generator":"g 1","issuedOn":"2023-07-01"}""".formatted("a".repeat(64), "b".repeat(64)));

        Object read = read(stored, new PublishedEventUpcaster(List.of(new ResultsReportIssuedV1ToV2()))).get(0).getPayload();

        assertThat(read).isEqualTo(new ResultsReportIssuedEvent(new ResultsReportId("r-1"), "SLDTBXH-HD", 2023, ResultsReportKind.SIX_MONTH,
                Instant.parse("2023-06-30T10:00:00Z"), "215/BC-SLĐTBXH", "SỞ LAO ĐỘNG", "UBND TỈNH HẢI DƯƠNG", "Hải Dương", "",
                "GIÁM ĐỐC", "Nguyễn Văn An", List.of("Lưu: VT"), "a".repeat(64), "b".repeat(64), "g 1", null, LocalDate.of(2023, 7, 1)));
    }

    @Test
    void reviewMinutesIssuedAtRevisionOneReadAsRevisionTwoWithoutACheckpoint() {
        DomainEventData<byte[]> stored = stored(ReviewMinutesIssuedEvent.class, "1", """
                {"reviewId":"R2","number":"05/BB-SLĐTBXH","organisationName":"SỞ LAO ĐỘNG","parentName":"","place":"Hải Dương",
                 "signerAuthority":"","signerTitle":"GIÁM ĐỐC","signerName":"Nguyễn Văn An","recipients":[],
                 "docxSha256":"%s","generator":"g 1","issuedOn":"2023-07-12"}""".formatted("c".repeat(64)));

        Object read = read(stored, new PublishedEventUpcaster(List.of(new ReviewMinutesIssuedV1ToV2()))).get(0).getPayload();

        assertThat(read).isEqualTo(new ReviewMinutesIssuedEvent(ManagementReviewId.of("R2"), "05/BB-SLĐTBXH", "SỞ LAO ĐỘNG", "",
                "Hải Dương", "", "GIÁM ĐỐC", "Nguyễn Văn An", List.of(), "c".repeat(64), "g 1", null, LocalDate.of(2023, 7, 12)));
    }

    @Test
    void twoStepsFromTheSameRevisionAreRefused() {
        assertThatThrownBy(() -> new PublishedEventUpcaster(List.of(new NoteRecordedV1ToV2(), new NoteRecordedV1ToV2())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NoteRecorded 1 → 2");
    }

    @Test
    void theAutoConfigurationMakesOneEventUpcasterOfEveryStepBean() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(UpcastingConfiguration.class))
                .withBean(NoteRecordedV1ToV2.class)
                .run(context -> {
                    assertThat(context).getBeans(EventUpcaster.class).hasSize(1);
                    assertThat(context.getBean(PublishedEventUpcaster.class).steps()).extracting(Object::getClass)
                            .containsExactlyInAnyOrder(NoteRecordedV1ToV2.class, EvidenceSubmittedV1ToV2.class,
                                    ResultsReportIssuedV1ToV2.class, ReviewMinutesIssuedV1ToV2.class);
                });
    }

    private static EventRevisionUpcast step(String from, java.util.function.UnaryOperator<ObjectNode> change) {
        return new EventRevisionUpcast(NoteRecordedEvent.class, from) {
            @Override
            protected ObjectNode upcast(ObjectNode payload) {
                return change.apply(payload);
            }
        };
    }

    private static DomainEventData<byte[]> stored(Class<?> type, String revision, String json) {
        return new GenericDomainEventEntry<>("Note", "n-1", 0, "event-1", Instant.parse("2023-05-14T03:00:00Z"),
                type.getName(), revision, json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static List<? extends DomainEventMessage<?>> read(DomainEventData<byte[]> stored, EventUpcaster upcaster) {
        return EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), SERIALIZER, upcaster)).toList();
    }
}
