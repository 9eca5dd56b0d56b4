package vn.qualityledger.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Small helpers the page controllers share (public for the feature subpackages). */
public final class Pages {

    /** A date as people type it (30/06/2023, 1/7/2023), or as the APIs and links write it (2023-06-30). */
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private Pages() {
    }

    public static SignedInUser user() {
        return SignedInUser.current().orElseThrow(() -> new ServiceProblem(401, "NOT_SIGNED_IN", ""));
    }

    public static LocalDate today() {
        return LocalDate.now(WebApplication.AGENCY_ZONE);
    }

    /** The typed date; empty when the text is blank or no date. */
    public static Optional<LocalDate> parseDate(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        try {
            return Optional.of(trimmed.contains("/") ? LocalDate.parse(trimmed, TYPED) : LocalDate.parse(trimmed));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /** The last instant of a local day in the agency's time zone: "as recorded by the end of that day". */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(WebApplication.AGENCY_ZONE).toInstant().minusMillis(1);
    }

    /**
     * A new id for something a form creates, chosen when the form is shown: sending the same form twice (a double
     * click, a retry after no answer) repeats the same command, which the service stores once.
     */
    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A client id as the services take it, or null. */
    public static String validId(String id) {
        return id != null && id.matches("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}") ? id : null;
    }

    /**
     * A day the user typed for when a step happened ("Ngày nộp", "Ngày duyệt"…) into a command's {@code body} under the
     * service's {@code field}: left out when blank (the service takes today); when the text is no date, nothing is put,
     * {@code formField} is marked with the format rule and false is answered, so the command is not sent.
     */
    public static boolean putDay(Map<String, Object> body, String field, String typed, ProblemMessages.FormErrors errors, String formField,
                          ProblemMessages problems) {
        if (blankToNull(typed) == null) {
            return true;
        }
        Optional<LocalDate> day = parseDate(typed);
        if (day.isEmpty()) {
            errors.reject(formField, problems.text("rule.date.format"));
            return false;
        }
        body.put(field, day.get().toString());
        return true;
    }

    /**
     * A date a command requires (a round's first day, a decision's due date) into {@code body} under {@code field}: sent
     * as null when blank, for the service to name; when the text is no date, {@code formField} is marked with the format
     * rule and nothing is put.
     */
    public static void putDate(Map<String, Object> body, String field, String typed, ProblemMessages.FormErrors errors, String formField,
                               ProblemMessages problems) {
        if (blankToNull(typed) == null) {
            body.put(field, null);
            return;
        }
        Optional<LocalDate> day = parseDate(typed);
        if (day.isEmpty()) {
            errors.reject(formField, problems.text("rule.date.format"));
            return;
        }
        body.put(field, day.get().toString());
    }

    /**
     * "Số liệu ghi nhận đến hết ngày" as typed into {@code formField}: blank or today is now (the end of today is still to
     * come), left to the service; a past day is the end of that day; a later day goes to the service, which refuses a
     * cut-off in the future. A text that is no date is marked beside its field.
     */
    public static Optional<Instant> cutOff(String typed, ProblemMessages.FormErrors errors, String formField, ProblemMessages problems) {
        if (blankToNull(typed) == null) {
            return Optional.empty();
        }
        Optional<LocalDate> day = parseDate(typed);
        if (day.isEmpty()) {
            errors.reject(formField, problems.text("rule.date.format"));
            return Optional.empty();
        }
        return day.get().equals(today()) ? Optional.empty() : Optional.of(endOf(day.get()));
    }

    /**
     * A number as people type it: in Vietnamese a comma before the decimals and dots between thousands (96,5; 1.212;
     * 1.212,5), or with a decimal point (96.5) when no comma is typed and the dots do not group thousands. Empty when
     * the text is blank or no number.
     */
    public static Optional<java.math.BigDecimal> parseNumber(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String plain = text.strip().replace(" ", "").replace("\u00a0", "");
        if (plain.contains(",")) {
            plain = plain.replace(".", "").replace(',', '.');
        } else if (plain.matches("-?\\d{1,3}(\\.\\d{3})+")) {
            plain = plain.replace(".", "");
        }
        if (!plain.matches("-?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new java.math.BigDecimal(plain));
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
