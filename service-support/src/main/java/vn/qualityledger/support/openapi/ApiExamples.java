package vn.qualityledger.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Examples an integrator can send as they stand: the ids, codes, dates and texts of the Sở Lao động – Thương binh và Xã
 * hội tỉnh Hải Dương's 2023 plan as {@code data/mtcl-2023.json} and {@code http/commands.http} have them. Without
 * them Swagger UI shows {@code "string"}, or text it makes up from a field's pattern (the id pattern gives
 * {@code "A:.@-_"}), which the service then refuses.
 * <p>
 * An example is set only where springdoc has none and only where the schema accepts it (type, format, enum, pattern),
 * so a wrong entry here is left out rather than published; the services' API-document tests then find the field with a
 * pattern and no example.
 */
final class ApiExamples implements GlobalOpenApiCustomizer {

    private static final String OBJECTIVE = "SLDTBXH-HD.MTCL-2023-01";
    private static final String ORGANISATION = "SLDTBXH-HD";
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /**
     * A property's by {@code Schema.property}, a path parameter's by {@code segment/{name}} or {@code {name}}, a query
     * parameter's by {@code ?name} (for names that mean different things in different places), else any by its name
     * alone. For a list, the example of one item; a {@link List} value holds alternatives, the first the schema accepts
     * is taken.
     */
    static final Map<String, Object> EXAMPLES = Map.<String, Object>ofEntries(
            // ids: the organisation's code, then the objective's, as the plan import builds them
            Map.entry("objectiveId", OBJECTIVE),
            Map.entry("relatedObjectiveId", OBJECTIVE),
            Map.entry("organisationId", ORGANISATION),
            Map.entry("organisation", ORGANISATION),
            Map.entry("feedOrganisations", ORGANISATION),
            Map.entry("measureId", "I.6"),
            Map.entry("relatedMeasureId", "I.6"),
            Map.entry("parentMeasureId", "I.1"),
            Map.entry("occurrenceId", "I.6@2023-05-14"),
            Map.entry("evidenceId", "ev-I.6-2023-05"),
            Map.entry("measurementId", "2023-Q2"),
            Map.entry("auditId", "SLDTBXH-HD.DGNB-2023"),
            Map.entry("findingId", "F-VP-01"),
            Map.entry("nonconformityId", "NC-2023-017"),
            Map.entry("actionId", "A1"),
            Map.entry("reviewId", "SLDTBXH-HD.XXLD-2023-1"),
            Map.entry("decisionId", "D1"),
            Map.entry("reportId", "SLDTBXH-HD.BC-MTCL-2023-6T"),
            Map.entry("objectives/{streamId}", OBJECTIVE),
            Map.entry("audits/{streamId}", "SLDTBXH-HD.DGNB-2023"),
            Map.entry("nonconformities/{streamId}", "NC-2023-017"),
            Map.entry("streams/{stream}", OBJECTIVE),
            Map.entry("stream", OBJECTIVE),
            Map.entry("tokens/{id}", "tok-3f2c9a7e-5d41-4b8e-9c0a-6e1f2d3b4a59"),
            Map.entry("projections/{projection}", "objective-progress"),
            Map.entry("schemas/{feature}", "objective"),
            Map.entry("{feature}/{file}", "EvidenceSubmitted.v1.schema.json"),
            Map.entry("{format}", "xlsx"),
            Map.entry("?status", "OVERDUE"),
            Map.entry("actorId", "thuky"),
            Map.entry("userId", "danhgia"),
            Map.entry("actorName", "Nguyễn Thị Thư"),
            Map.entry("IssueToken.name", "Cổng dịch vụ công tỉnh Hải Dương"),
            Map.entry("validDays", 90),
            // codes
            Map.entry("DefineObjective.code", "MTCL-2023-01"),
            Map.entry("ObjectiveEntry.code", "MTCL-2023-01"),
            Map.entry("MeasureEntry.code", "I.6"),
            Map.entry("MeasureDetails.code", "I.6"),
            Map.entry("Organisation.code", ORGANISATION),
            Map.entry("Unit.code", "VP"),
            Map.entry("Unit.name", "Văn phòng Sở"),
            Map.entry("Unit.kind", "OFFICE"),
            Map.entry("DirectoryUnit.code", "VP"),
            Map.entry("DirectoryUnit.name", "Văn phòng Sở"),
            Map.entry("Organisation.name", "Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương"),
            Map.entry("RecordOrganisationDirectory.name", "Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương"),
            Map.entry("Organisation.parent", "UBND tỉnh Hải Dương"),
            Map.entry("timezone", "Asia/Ho_Chi_Minh"),
            Map.entry("unit", "VP"),
            Map.entry("ownerUnit", "VP"),
            Map.entry("scopeUnits", "VP"),
            Map.entry("lead", "VP"),
            Map.entry("leadUnits", "VP"),
            Map.entry("coordinating", "ALL_UNITS"),
            Map.entry("coordinatingUnits", "ALL_UNITS"),
            Map.entry("monitoredBy", "QMR"),
            Map.entry("monitors", "QMR"),
            Map.entry("auditors", "danhgia"),
            Map.entry("clause", "7.5.3"),
            Map.entry("clauses", "7.5.3"),
            Map.entry("year", 2023),
            // documents
            Map.entry("number", "512/BC-SLĐTBXH"),
            Map.entry("Decision.number", "147/QĐ-SLĐTBXH"),
            Map.entry("DecisionReference.number", "147/QĐ-SLĐTBXH"),
            Map.entry("issuer", "Văn phòng Sở"),
            Map.entry("DocumentReference.title", "Báo cáo kết quả thực hiện MTCL 6 tháng"),
            Map.entry("link", "https://sldtbxh.haiduong.gov.vn/van-ban/512-bc-sldtbxh.pdf"),
            Map.entry("sha256", SHA256),
            Map.entry("FileReference.name", "bc-512-sldtbxh.pdf"),
            Map.entry("FileReference.size", 245760),
            Map.entry("contentType", "application/pdf"),
            Map.entry("docxSha256", SHA256),
            Map.entry("xlsxSha256", SHA256),
            Map.entry("organisationName", "Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương"),
            Map.entry("parentName", "UBND tỉnh Hải Dương"),
            Map.entry("place", "Hải Dương"),
            Map.entry("signerTitle", "Giám đốc"),
            Map.entry("signerName", "Nguyễn Văn An"),
            Map.entry("signerAuthority", "KT. GIÁM ĐỐC"),
            Map.entry("recipients", "UBND tỉnh Hải Dương"),
            // texts
            Map.entry("statement", "100% phòng, trung tâm thuộc Sở áp dụng có hiệu quả HTQLCL phù hợp TCVN ISO 9001:2015"),
            Map.entry("indicator", "Tỷ lệ phòng, trung tâm áp dụng có hiệu quả HTQLCL"),
            Map.entry("Target.value", new BigDecimal("100")),
            Map.entry("numerator", new BigDecimal("1212")),
            Map.entry("denominator", new BigDecimal("1250")),
            Map.entry("RecordMeasurement.value", new BigDecimal("96.96")),
            Map.entry("expectedEvidence", "QĐ công bố và ban hành MTCL"),
            Map.entry("MeasureEntry.evidence", "QĐ công bố và ban hành MTCL"),
            Map.entry("adhoc", "Khi có yêu cầu của Lãnh đạo Sở"),
            Map.entry("question", "Văn bản đến được vào sổ đầy đủ?"),
            Map.entry("observed", "Sổ công văn đến thiếu 12 văn bản tháng 8"),
            Map.entry("summary", "3 đơn vị được đánh giá; 1 điểm không phù hợp nhẹ"),
            Map.entry("minutesSummary", "Xem xét kết quả thực hiện MTCL 6 tháng đầu năm, kết quả ĐGNB và các hành động khắc phục"),
            Map.entry("complaintReference", "PA-2023-017 (đường dây nóng)"),
            Map.entry("method", "5 Whys"),
            Map.entry("contextChanges", "Luật Lao động sửa đổi có hiệu lực"),
            Map.entry("stakeholderFeedback", "Không có phản ánh, kiến nghị"),
            Map.entry("resourceAdequacy", "Thiếu 01 công chức tại Văn phòng Sở"),
            Map.entry("MeasureEntry.title", "Báo cáo kết quả thực hiện MTCL"),
            Map.entry("MeasureDetails.title", "Báo cáo kết quả thực hiện MTCL"),
            Map.entry("PlanInternalAudit.title", "Đánh giá nội bộ HTQLCL theo TCVN ISO 9001:2015 năm 2023"),
            Map.entry("PlanManagementReview.title", "Xem xét của lãnh đạo 6 tháng đầu năm 2023"),
            Map.entry("ReviewPerson.name", "Nguyễn Văn An"),
            Map.entry("ReviewPerson.title", "Giám đốc Sở"),
            Map.entry("TeamMember.name", "Đỗ Thị Đào"),
            Map.entry("criteria", "TCVN ISO 9001:2015; các quy trình ISO của Sở"),
            Map.entry("description", "Văn bản đến không được vào sổ đầy đủ"),
            Map.entry("evidenceSeen", "Sổ công văn đến năm 2023, tháng 8"),
            Map.entry("reason", "Thiếu chữ ký của Lãnh đạo Sở"),
            Map.entry("note", "Đã khắc phục, không tái diễn"),
            Map.entry("correction", "Gọi điện xin lỗi và trả kết quả ngay trong ngày"),
            Map.entry("rootCause", "Chưa có bước nhắc hạn trong quy trình tiếp nhận hồ sơ"),
            Map.entry("source", "Phiếu khảo sát"),
            Map.entry("person", "Nguyễn Thị Hương"),
            Map.entry("scheduleText", "Trước 15/5"),
            Map.entry("Schedule.text", "Trước 15/5"),
            Map.entry("rrule", "FREQ=MONTHLY;BYMONTHDAY=25"),
            // dates: the plan's year
            Map.entry("date", "2023-05-12"),
            Map.entry("due", "2023-05-14"),
            Map.entry("window", "2023-01-01"),
            Map.entry("dueDate", "2023-07-31"),
            Map.entry("from", List.of("2023-04-01", "2023-04-01T00:00:00Z")),
            Map.entry("to", List.of("2023-06-30", "2023-07-01T00:00:00Z")),
            Map.entry("dueFrom", "2023-04-01"),
            Map.entry("dueTo", "2023-06-30"),
            Map.entry("periodFrom", "2023-01-01"),
            Map.entry("periodTo", "2023-06-30"),
            Map.entry("plannedFrom", "2023-10-02"),
            Map.entry("plannedTo", "2023-10-13"),
            Map.entry("asOf", "2023-06-30"),
            Map.entry("at", "2023-07-01T00:00:00Z"),
            Map.entry("knownAt", "2023-07-01T00:00:00Z"),
            Map.entry("cutOff", "2023-07-10T01:00:00Z"));

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().forEach(ApiExamples::exampleProperties);
        }
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> example(path, parameter));
            }
        }));
    }

    /**
     * On the parameter, not its schema: springdoc gives every {@code String} path variable one schema object, so an
     * example there would show on all of them.
     */
    private static void example(String path, Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        if (parameter.getExample() != null || schema == null || schema.getExample() != null) {
            return;
        }
        String placeholder = "{" + parameter.getName() + "}";
        int at = path.indexOf(placeholder);
        Object candidates;
        if (at > 0) {
            String segment = path.substring(path.lastIndexOf('/', at - 2) + 1, at) + placeholder;
            candidates = EXAMPLES.getOrDefault(segment, EXAMPLES.getOrDefault(placeholder, EXAMPLES.get(parameter.getName())));
        } else {
            candidates = EXAMPLES.getOrDefault("?" + parameter.getName(), EXAMPLES.get(parameter.getName()));
        }
        Schema<?> valueSchema = isType(schema, "array") && schema.getItems() != null ? schema.getItems() : schema;
        Object example = accepted(valueSchema, candidates);
        if (example != null) {
            parameter.setExample(valueSchema == schema ? example : List.of(example));
        }
    }

    @SuppressWarnings("rawtypes")
    private static void exampleProperties(String schemaName, Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        properties.forEach((name, property) -> {
            Object example = EXAMPLES.getOrDefault(schemaName + "." + name, EXAMPLES.get(name));
            if (isType(property, "array") && property.getItems() != null) {
                example(property.getItems(), example);
            } else {
                example(property, example);
            }
        });
    }

    private static void example(Schema<?> schema, Object candidates) {
        Object example = schema.getExample() == null && schema.get$ref() == null ? accepted(schema, candidates) : null;
        if (example != null) {
            schema.setExample(example);
        }
    }

    /** The value, or the first of the alternatives, that the schema accepts; null when none. */
    private static Object accepted(Schema<?> schema, Object candidates) {
        for (Object candidate : candidates instanceof List<?> alternatives ? alternatives : Collections.singletonList(candidates)) {
            if (candidate != null && accepts(schema, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Whether the schema would take {@code example} as a value: its type, format, enum and pattern. */
    static boolean accepts(Schema<?> schema, Object example) {
        if (example instanceof Integer) {
            return isType(schema, "integer") && schema.getEnum() == null;
        }
        if (example instanceof BigDecimal) {
            return isType(schema, "number");
        }
        if (!(example instanceof String text) || !isType(schema, "string")) {
            return false;
        }
        if (schema.getEnum() != null && !schema.getEnum().contains(text)) {
            return false;
        }
        if (schema.getPattern() != null && !Pattern.compile(schema.getPattern()).matcher(text).matches()) {
            return false;
        }
        String format = schema.getFormat();
        try {
            if ("date".equals(format)) {
                LocalDate.parse(text);
            } else if ("date-time".equals(format)) {
                OffsetDateTime.parse(text);
            } else if (format != null && !Set.of("uri", "email", "uuid").contains(format)) {
                return false;
            } else if (DATE.matcher(text).matches()) {
                // A date for a field springdoc does not know as one (a parameter read as text) would mislead.
                return false;
            }
        } catch (RuntimeException notOfItsFormat) {
            return false;
        }
        return true;
    }

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    private static boolean isType(Schema<?> schema, String type) {
        return type.equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains(type));
    }
}
