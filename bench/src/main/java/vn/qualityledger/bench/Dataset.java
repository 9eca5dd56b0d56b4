package vn.qualityledger.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.objective.*;

/**
 * The data the read and rebuild figures run on: organisations × objectives × measures of year 2023, each measure due
 * at every month's end, assigned to a unit, with evidence submitted for every occurrence (a third rejected once and
 * filed again, a fifth late) and accepted, and a measurement of the target each month. About 1,034 events per
 * objective with 30 measures, so 100 × 10 × 30 gives just over a million events.
 * <p>
 * The events are built with the same methods {@code LoaderProof} uses to mirror a story told to the real service over
 * REST, so the proof covers the shapes loaded here.
 */
final class Dataset {

    static final int YEAR = 2023;
    static final LocalDate AS_OF = LocalDate.of(2023, 9, 30);
    static final String MONTH_ENDS = "FREQ=MONTHLY;BYMONTHDAY=-1";
    static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final List<String> UNITS = List.of("VP", "P.TCCB", "P.KHTC", "P.LĐVL", "P.NCC", "P.BTXH", "P.TE", "TTDVVL");

    private Dataset() {
    }

    static String organisation(int index) {
        return "ORG%03d".formatted(index);
    }

    static String objectiveId(String organisation, int index) {
        return organisation + ".MTCL-2023-%02d".formatted(index);
    }

    static String measureId(int index) {
        return "I.%d".formatted(index);
    }

    // ---- the events, one method per kind, shared with LoaderProof -------------------------------------------------

    static Target target() {
        return new Target("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", Comparator.AT_LEAST, BigDecimal.valueOf(95), "%");
    }

    static ObjectiveDefinedEvent defined(String organisation, String objectiveId, int index) {
        return new ObjectiveDefinedEvent(new ObjectiveId(objectiveId), organisation, YEAR, "MTCL-2023-%02d".formatted(index),
                "Mục tiêu chất lượng số %d của %s: 100%% hồ sơ được giải quyết đúng hạn".formatted(index, organisation), target());
    }

    static Decision decision(String organisation) {
        return new Decision("147/QĐ-" + organisation, LocalDate.of(YEAR, 2, 7));
    }

    static MeasureDetails measureDetails(int index) {
        return new MeasureDetails("I.%d".formatted(index), "Biện pháp %d: rà soát, cập nhật và báo cáo hằng tháng".formatted(index),
                List.of(UNITS.get(index % UNITS.size())), List.of(UNITS.get((index + 1) % UNITS.size())),
                List.of("Lãnh đạo Sở"), List.of("Báo cáo tháng"),
                new Schedule("Hằng tháng, trước ngày cuối tháng", List.of(ScheduleRule.recurring(MONTH_ENDS))));
    }

    /** What command-service's schedule expansion yields for {@link #MONTH_ENDS} in {@link #YEAR}: every month's end. */
    static MeasurePlannedEvent planned(String objectiveId, int index) {
        MeasureId measure = new MeasureId(measureId(index));
        List<ScheduledOccurrence> occurrences = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            LocalDate due = YearMonth.of(YEAR, month).atEndOfMonth();
            occurrences.add(new ScheduledOccurrence(occurrenceId(measure, due), due));
        }
        return new MeasurePlannedEvent(new ObjectiveId(objectiveId), measure, null, measureDetails(index), occurrences);
    }

    static OccurrenceId occurrenceId(MeasureId measure, LocalDate due) {
        return new OccurrenceId(measure.value() + "@" + due);
    }

    static DocumentReference document(String number, LocalDate date) {
        return new DocumentReference(number, date, "Văn phòng Sở", "Báo cáo kết quả thực hiện", null, null);
    }

    // ---- the stories ------------------------------------------------------------------------------------------------

    /** One objective's stream of the data set, in order. */
    static List<Object> objective(String organisation, int objectiveIndex, int measures) {
        String id = objectiveId(organisation, objectiveIndex);
        ObjectiveId objective = new ObjectiveId(id);
        List<Object> events = new ArrayList<>();
        events.add(defined(organisation, id, objectiveIndex));
        events.add(new ObjectivePublishedEvent(objective, decision(organisation)));
        for (int m = 1; m <= measures; m++) {
            MeasurePlannedEvent planned = planned(id, m);
            events.add(planned);
            MeasureId measure = planned.measureId();
            String unit = planned.details().leadUnits().get(0);
            events.add(new TaskAssignedEvent(objective, measure, null, unit, m % 2 == 0 ? "Chuyên viên " + m : null,
                    LocalDate.of(YEAR, 1, 15)));
            for (ScheduledOccurrence occurrence : planned.occurrences()) {
                int month = occurrence.dueDate().getMonthValue();
                boolean late = (m + month + objectiveIndex) % 5 == 0;
                LocalDate submitted = occurrence.dueDate().plusDays(late ? 4 : -3);
                String base = measure.value() + "-" + month;
                if ((m + month) % 3 == 0) {
                    EvidenceId first = new EvidenceId("EV-" + base + "-a");
                    events.add(new EvidenceSubmittedEvent(objective, first, measure, occurrence.occurrenceId(),
                            document(month + "/BC-" + base, submitted.minusDays(2)), submitted.minusDays(1)));
                    events.add(new EvidenceRejectedEvent(objective, first, measure, occurrence.occurrenceId(),
                            "Thiếu số liệu", submitted));
                }
                EvidenceId evidence = new EvidenceId("EV-" + base);
                events.add(new EvidenceSubmittedEvent(objective, evidence, measure, occurrence.occurrenceId(),
                        document(month + "/BC-" + base, submitted.minusDays(1)), submitted));
                LocalDate accepted = submitted.plusDays(2);
                events.add(new EvidenceAcceptedEvent(objective, evidence, measure, occurrence.occurrenceId(), accepted, accepted));
            }
        }
        for (int month = 1; month <= 12; month++) {
            YearMonth period = YearMonth.of(YEAR, month);
            events.add(new MeasurementRecordedEvent(objective, new MeasurementId("KQ-2023-%02d".formatted(month)),
                    new Period(period.atDay(1), period.atEndOfMonth()), null, null,
                    BigDecimal.valueOf(900 + (month * 7 + objectiveIndex) % 100, 1), "Báo cáo tháng", period.atEndOfMonth().plusDays(3)));
        }
        return events;
    }

    /** An objective whose stream has exactly {@code events} events: defined, one measure, then evidence filings. */
    static List<Object> longObjective(String id, int events) {
        ObjectiveId objective = new ObjectiveId(id);
        List<Object> stream = new ArrayList<>();
        stream.add(defined("AUDIT", id, 1));
        MeasurePlannedEvent planned = planned(id, 1);
        stream.add(planned);
        OccurrenceId occurrence = planned.occurrences().get(11).occurrenceId();
        for (int i = stream.size(); i < events; i++) {
            LocalDate day = LocalDate.of(YEAR, 1, 1).plusDays(i % 360);
            stream.add(new EvidenceSubmittedEvent(objective, new EvidenceId("EV-%06d".formatted(i)), planned.measureId(), occurrence,
                    document(i + "/BC", day), day));
        }
        return stream;
    }

    /** Appends one stream to the loader; each event as if from its own command, stored in the morning of its date. */
    static void load(BulkLoader loader, EventEncoder encoder, String objectiveId, List<Object> events) throws SQLException, IOException {
        for (int sequence = 0; sequence < events.size(); sequence++) {
            Instant storedAt = LocalDate.of(YEAR, 1, 2).atTime(LocalTime.of(9, 0)).atZone(AGENCY_ZONE).toInstant()
                    .plusMillis(sequence);
            loader.add(encoder.encode(objectiveId, sequence, events.get(sequence), UUID.randomUUID().toString(), storedAt));
        }
    }
}
