package vn.qualityledger.query.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import vn.qualityledger.support.web.ProblemMessages;
import vn.qualityledger.support.web.Problems;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of query-service as an RFC 9457 problem with a stable {@code code} (and {@code type}
 * {@code https://quality-ledger.vn/problems/<code in kebab case>}, as command-service's): ours, and Spring's own
 * (405, 406, 415 …), which all pass through {@link #handleExceptionInternal}. A 400 names the parameter at fault, in
 * the detail and in {@code invalid-params} (the extension member RFC 9457 itself uses as its example). No detail names
 * a Java type: a client cannot act on {@code java.lang.String}, and internals are nobody's business.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final String RETRY_AFTER_SECONDS = "5";
    private static final int VALUE_SHOWN = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** A problem with its code, type and title: for the few handlers outside this class (a feature's own 409). */
    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        withCode(problem, status, code);
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> invalidParameter(InvalidParameterException e, WebRequest request) {
        return badRequest(e, new HttpHeaders(), request, List.of(new InvalidParam(e.parameter(), "Invalid", e.reason())));
    }

    /** An export past its cap: the rule broken (422), with the numbers so that a client can say by how much. */
    @ExceptionHandler(TooManyRowsException.class)
    ProblemDetail tooManyRows(TooManyRowsException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "EXPORT_TOO_LARGE", e.getMessage());
        problem.setProperty("matching", e.matching());
        problem.setProperty("limit", e.limit());
        return problem;
    }

    /**
     * The database unreachable or restarting: worth trying again shortly, so 503 with {@code Retry-After} rather than a
     * 500 that reads as a defect.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        LOG.warn("Read failed, the database is unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                        ProblemMessages.text("problem.read-model-unavailable")));
    }

    /** The security firewall refused what the request carries (say, a parameter name with a line break). */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", ProblemMessages.text("problem.rejected-characters"));
    }

    /** Anything unforeseen: logged in full here, answered without internals (a stack trace helps no client). */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        LOG.error("Read failed", e);
        return internalError();
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        OutOfDomainRange range = causeOfType(e, OutOfDomainRange.class);
        String reason = range != null ? range.reason()
                : "must be " + (e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType()))
                        + " but was '" + shown(e.getValue()) + "'";
        return badRequest(e, headers, request, List.of(new InvalidParam(name, range != null ? "Range" : "Type", reason)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<InvalidParam> invalid = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                invalid.add(new InvalidParam(result.getMethodParameter().getParameterName(), constraint(error), error.getDefaultMessage()))));
        return badRequest(e, headers, request, invalid);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return badRequest(e, headers, request, List.of(new InvalidParam(e.getParameterName(), "NotNull", "is required")));
    }

    /**
     * Where every problem Spring's base class builds passes: each gets its code, and a 5xx loses whatever detail the
     * framework wrote (it may name classes or internals).
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given
                : e instanceof ErrorResponse framework ? framework.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale())
                : ProblemDetail.forStatus(status);
        if (status.is5xxServerError()) {
            LOG.error("Read failed", e);
            problem = internalError(status);
        } else if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            withCode(problem, status, codeFor(status));
        }
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    private ResponseEntity<Object> badRequest(Exception e, HttpHeaders headers, WebRequest request, List<InvalidParam> invalid) {
        List<String> reasons = invalid.stream().map(p -> p.name() + " " + p.reason()).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", ProblemMessages.text("problem.invalid-parameter", String.join("; ", reasons)));
        // errors: the one form both services use; invalid-params: RFC 9457's example member, kept for existing clients
        problem.setProperty("errors", invalid.stream().map(p -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", p.name());
            error.put("rule", p.rule());
            error.put("message", p.reason());
            return error;
        }).toList());
        problem.setProperty("invalid-params", invalid.stream().map(p -> Map.of("name", p.name(), "reason", p.reason())).toList());
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail internalError() {
        return internalError(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static ProblemDetail internalError(HttpStatusCode status) {
        return problem(status, status.value() == 503 ? "SERVICE_UNAVAILABLE" : "INTERNAL_ERROR",
                ProblemMessages.text("problem.read-fault"));
    }

    private static void withCode(ProblemDetail problem, HttpStatusCode status, String code) {
        problem.setStatus(status.value());
        Problems.withCode(problem, code);
    }

    /** The code of a problem Spring raised, from its status: what a client branches on. */
    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known == null ? (status.is5xxServerError() ? "INTERNAL_ERROR" : "BAD_REQUEST") : known.name();
            }
        };
    }

    /** What a parameter must be, in the API's words (never a Java type's name). */
    private static String describe(Class<?> type) {
        if (type == LocalDate.class) {
            return "an ISO date (yyyy-MM-dd)";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant (e.g. 2023-07-15T10:00:00Z)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return "a valid value";
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(VALUE_SHOWN).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.codePointCount(0, text.length()) > VALUE_SHOWN ? shown + "…" : shown.toString();
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** {@code rule}: the constraint broken, as command-service names it (Min, Max, Type, Range, NotNull, Invalid). */
    private record InvalidParam(String name, String rule, String reason) {
    }

    /** A Bean Validation error's constraint name: the last, least specific of its codes (Max.size, ..., Max). */
    private static String constraint(org.springframework.context.MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        return codes == null || codes.length == 0 ? "Invalid" : codes[codes.length - 1];
    }
}
