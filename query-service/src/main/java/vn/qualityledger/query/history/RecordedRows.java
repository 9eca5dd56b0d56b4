package vn.qualityledger.query.history;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.api.objective.ScheduleRule;
import vn.qualityledger.query.progress.ReadModelSchema;

/**
 * The read-model rows of one stream: what a past state shows as recorded by its instant. Each table's row is a record
 * named after it, whose components are the table's columns in camelCase ({@code assigned_unit} is {@code assignedUnit},
 * the names every other read uses) — so the API document shows every field. A column without its component (or a
 * component without its column) fails the read rather than vanishing from the answer unnoticed.
 */
@Component
class RecordedRows {

    /** A measure of the plan ({@code query.measure}). */
    record RecordedMeasure(String objectiveId, String measureId, String parentMeasureId, String code, String title,
                           List<String> leadUnits, List<String> coordinatingUnits, List<String> monitors,
                           List<String> expectedEvidence, String scheduleText, LocalDate cancelledOn, String cancelReason,
                           String assignedUnit, String assignedPerson, LocalDate assignedOn, List<ScheduleRule> scheduleRules) {
    }

    /** One due date of a measure ({@code query.occurrence}). */
    record RecordedOccurrence(String objectiveId, String occurrenceId, String measureId, LocalDate dueDate, boolean adHoc,
                              String note, LocalDate cancelledOn, LocalDate completedOn, String assignedUnit,
                              String assignedPerson, LocalDate assignedOn) {
    }

    /** Evidence submitted for an occurrence, and the decision on it ({@code query.evidence}). */
    record RecordedEvidence(String objectiveId, String evidenceId, String occurrenceId, String measureId, String documentNumber,
                            LocalDate documentDate, String documentIssuer, String documentTitle, String documentLink,
                            String documentSha256, LocalDate submittedOn, String status, LocalDate decidedOn,
                            LocalDate effectiveOn, String reason, String submittedBy, String submittedByName, String fileSha256,
                            String fileName, Long fileSize, String fileContentType) {
    }

    /** A measurement of the objective's target indicator ({@code query.measurement}). */
    record RecordedMeasurement(String objectiveId, String measurementId, LocalDate periodFrom, LocalDate periodTo,
                               BigDecimal numerator, BigDecimal denominator, BigDecimal value, String source,
                               LocalDate recordedOn, long streamSequence) {
    }

    /** An internal audit round ({@code query.audit}). */
    record RecordedAudit(String id, String organisationId, int year, String title, List<String> scopeUnits, String criteria,
                         List<String> clauses, LocalDate plannedFrom, LocalDate plannedTo, LocalDate plannedOn,
                         String leadAuditor, List<String> team, String decisionNumber, LocalDate decisionDate,
                         LocalDate teamAppointedOn, String reportNumber, String reportSummary, LocalDate reportIssuedOn,
                         LocalDate closedOn, List<String> teamNames) {
    }

    /** A unit's audit as scheduled ({@code query.unit_audit}). */
    record RecordedUnitAudit(String auditId, String unit, LocalDate scheduledDate, List<String> auditors) {
    }

    /** A unit's audit as held ({@code query.unit_audit_held}). */
    record RecordedUnitAuditHeld(String auditId, String unit, LocalDate heldOn, int noteCount, int nonconformingNotes) {
    }

    /** A finding of the audit ({@code query.finding}). */
    record RecordedFinding(String auditId, String findingId, String organisationId, int year, String unit, String clause,
                           String kind, String description, String evidenceSeen, String relatedObjectiveId,
                           String relatedMeasureId, LocalDate recordedOn) {
    }

    /** A corrective action of a nonconformity ({@code query.corrective_action}). */
    record RecordedCorrectiveAction(String nonconformityId, String actionId, String ownerUnit, String description,
                                    LocalDate dueDate, LocalDate plannedOn, LocalDate implementedOn, String evidenceNumber,
                                    LocalDate evidenceDate, String evidenceIssuer, String evidenceTitle, String evidenceLink,
                                    String evidenceSha256, String implementationNote, boolean overdueRecorded,
                                    String plannedBy, String plannedByName, String implementedBy, String implementedByName) {
    }

    /** A verification of a corrective action's effectiveness ({@code query.verification}). */
    record RecordedVerification(String nonconformityId, long streamSequence, String actionId, boolean effective, String reason,
                                LocalDate verifiedOn, String verifiedBy, String verifiedByName) {
    }

    /** A closure of the nonconformity, or its reopening ({@code query.nonconformity_closure}). */
    record RecordedClosure(String nonconformityId, long streamSequence, boolean closed, LocalDate onDate, String note,
                           String actorId, String actorName) {
    }

    /**
     * When the event that last changed the row was recorded: the read model's bookkeeping for past views, which a
     * state shows through its instant and its history rather than row by row.
     */
    private static final String RECORDED_AT = "recorded_at";

    private static final TypeReference<List<ScheduleRule>> SCHEDULE_RULES = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate reads;
    private final JsonMapper json;

    RecordedRows(NamedParameterJdbcTemplate reads) {
        this.reads = reads;
        // Not Spring's mapper: that one reads request bodies (strictly, normalising text); this reads what was stored.
        this.json = JsonMapper.builder().build();
    }

    /**
     * Rows of read-model table {@code table} (the live one, or a past view's copy: see ReadModelSchema) whose
     * {@code key} column is {@code id}, in {@code order}; names come from code only.
     */
    <T extends Record> List<T> of(Class<T> row, String table, String key, String order, String id) {
        return reads.query("SELECT * FROM " + ReadModelSchema.quoted(table) + " t WHERE t." + key + " = :id ORDER BY " + order, Map.of("id", id),
                new RowsOf<>(row, table));
    }

    /** Maps a result set's rows to records of {@code row}, matching columns to components once, at the first row. */
    private final class RowsOf<T extends Record> implements RowMapper<T> {

        private final Class<T> row;
        private final String table;
        private RecordComponent[] components;
        /** The result set's index of each component's column. */
        private int[] columns;
        private Constructor<T> canonical;

        RowsOf(Class<T> row, String table) {
            this.row = row;
            this.table = table;
        }

        @Override
        public T mapRow(ResultSet rs, int rowNum) throws SQLException {
            if (canonical == null) {
                match(rs.getMetaData());
            }
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = value(components[i], columns[i], rs);
            }
            try {
                return canonical.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + row.getSimpleName(), e);
            }
        }

        private void match(ResultSetMetaData metaData) throws SQLException {
            RecordComponent[] recordComponents = row.getRecordComponents();
            Map<String, Integer> unread = new HashMap<>();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                unread.put(metaData.getColumnLabel(i), i);
            }
            unread.remove(RECORDED_AT);
            int[] indexes = new int[recordComponents.length];
            for (int i = 0; i < recordComponents.length; i++) {
                String name = snakeCase(recordComponents[i].getName());
                Integer index = unread.remove(name);
                if (index == null) {
                    throw new IllegalStateException("table " + table + " has no column " + name + " for " + row.getSimpleName());
                }
                indexes[i] = index;
            }
            if (!unread.isEmpty()) {
                throw new IllegalStateException(row.getSimpleName() + " has no component for the columns " + unread.keySet() + " of table " + table);
            }
            try {
                canonical = row.getDeclaredConstructor(Arrays.stream(recordComponents).map(RecordComponent::getType)
                        .toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("cannot build " + row.getSimpleName(), e);
            }
            canonical.setAccessible(true);
            components = recordComponents;
            columns = indexes;
        }
    }

    private Object value(RecordComponent component, int column, ResultSet rs) throws SQLException {
        Class<?> type = component.getType();
        if (type == boolean.class) {
            return rs.getBoolean(column);
        } else if (type == int.class) {
            return rs.getInt(column);
        } else if (type == long.class) {
            return rs.getLong(column);
        } else if (type == List.class && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] == ScheduleRule.class) {
            String stored = rs.getString(column);
            return stored == null ? null : json.readValue(stored, SCHEDULE_RULES);
        } else if (type == List.class) {
            Array array = rs.getArray(column);
            return array == null ? null : Arrays.asList((String[]) array.getArray());
        } else if (type == String.class) {
            return rs.getString(column);
        }
        // LocalDate, BigDecimal and the nullable numbers: the driver converts them itself.
        return rs.getObject(column, type);
    }

    static String snakeCase(String component) {
        StringBuilder name = new StringBuilder(component.length() + 4);
        for (char c : component.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('_');
            }
            name.append(Character.toLowerCase(c));
        }
        return name.toString();
    }
}
