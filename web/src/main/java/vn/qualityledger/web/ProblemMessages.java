package vn.qualityledger.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A service's problem in the page's language: the message for its {@code code} (else its status), and for a refused
 * form one message per failing field, by the rule the service names ({@code NotBlank}, {@code Pattern}, a rule code
 * such as {@code DOCUMENT_DATED_AFTER_SUBMISSION}).
 */
@Component
public class ProblemMessages {

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** What went wrong, for people: by code, else by status, else a general message. */
    public String message(ServiceProblem problem) {
        Locale locale = LocaleContextHolder.getLocale();
        String byCode = messages.getMessage("problem." + problem.code(), null, null, locale);
        if (byCode != null) {
            return byCode;
        }
        return messages.getMessage("problem.status." + problem.status(), null,
                messages.getMessage("problem.other", null, locale), locale);
    }

    /**
     * The problem as a form shows it: each failing field the form has (its service name mapped by {@code formFields})
     * next to that field; everything else above the form.
     */
    public FormErrors forForm(ServiceProblem problem, Map<String, String> formFields) {
        return forForm(problem, formFields, null);
    }

    /**
     * As {@link #forForm(ServiceProblem, Map)}, where a page whose forms share field names with others (a reason to
     * reopen is not a reason to reject) first looks for {@code rule.<context>.<field>.<rule>}.
     */
    public FormErrors forForm(ServiceProblem problem, Map<String, String> formFields, String context) {
        FormErrors errors = new FormErrors();
        boolean unplaced = problem.fieldProblems().isEmpty();
        for (ServiceProblem.FieldProblem field : problem.fieldProblems()) {
            String formField = formFields.get(field.field());
            if (formField == null) {
                unplaced = true;
            } else {
                String specific = context == null ? null
                        : messages.getMessage("rule." + context + "." + formField + "." + field.rule(), null, null, LocaleContextHolder.getLocale());
                errors.reject(formField, specific != null ? specific : fieldMessage(formField, field));
            }
        }
        if (unplaced || problem.status() != 400 && problem.status() != 422) {
            errors.general(message(problem), problem.detail());
        }
        return errors;
    }

    /**
     * A refused command as the form it came from shows it: see {@link #answerRefused}, then the problem beside the
     * form's fields ({@link #forForm(ServiceProblem, Map, String)}).
     */
    public FormErrors refusedForm(ServiceProblem refused, HttpServletResponse response, Map<String, String> formFields, String context) {
        answerRefused(refused, response);
        return forForm(refused, formFields, context);
    }

    /** As {@link #refusedForm(ServiceProblem, HttpServletResponse, Map, String)}, with the general {@code rule.*} keys only. */
    public FormErrors refusedForm(ServiceProblem refused, HttpServletResponse response, Map<String, String> formFields) {
        return refusedForm(refused, response, formFields, null);
    }

    /**
     * What every form does with a refusal before showing it: a 401 is thrown on (the session's token is no longer valid,
     * and {@code PageErrors} sends the user to sign in again), otherwise the page answers with the service's status (a
     * service's 5xx as the web application's 502), so the form shown again is not taken for a success.
     */
    public static void answerRefused(ServiceProblem refused, HttpServletResponse response) {
        if (refused.unauthenticated()) {
            throw refused;
        }
        response.setStatus(refused.status() >= 500 ? 502 : refused.status());
    }

    /** The text of a message key in the page's language, or null when the bundles have no such key. */
    public String textOrNull(String key, Object... arguments) {
        return messages.getMessage(key, arguments, null, LocaleContextHolder.getLocale());
    }

    /** The text of a message key in the page's language. */
    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private String fieldMessage(String formField, ServiceProblem.FieldProblem field) {
        Locale locale = LocaleContextHolder.getLocale();
        String specific = messages.getMessage("rule." + formField + "." + field.rule(), null, null, locale);
        if (specific != null) {
            return specific;
        }
        String general = messages.getMessage("rule." + field.rule(), null, null, locale);
        if (general != null) {
            return general;
        }
        return messages.getMessage("rule.other", new Object[] {field.message()}, locale);
    }

    /** Messages of a refused form: by field, and those that belong to no field. */
    public static final class FormErrors {

        private final Map<String, String> byField = new LinkedHashMap<>();
        private final List<String> general = new ArrayList<>();
        private String detail = "";

        /** The message shown next to {@code field} (the first one found for it wins). */
        public FormErrors reject(String field, String message) {
            byField.putIfAbsent(field, message);
            return this;
        }

        public FormErrors general(String message, String serviceDetail) {
            general.add(message);
            detail = serviceDetail == null ? "" : serviceDetail;
            return this;
        }

        public boolean has(String field) {
            return byField.containsKey(field);
        }

        public String of(String field) {
            return byField.get(field);
        }

        public boolean any() {
            return !byField.isEmpty() || !general.isEmpty();
        }

        public List<String> general() {
            return general;
        }

        /** The service's own words, shown under a general message. */
        public String detail() {
            return detail;
        }

        public Map<String, String> byField() {
            return byField;
        }
    }
}
