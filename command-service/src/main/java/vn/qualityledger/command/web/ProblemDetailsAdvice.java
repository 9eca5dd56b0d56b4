package vn.qualityledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import vn.qualityledger.support.web.ProblemMessages;
import vn.qualityledger.support.web.Problems;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.InvalidIdException;
import vn.qualityledger.support.input.InvalidInput;

/**
 * Every failure as an RFC 9457 problem with a stable {@code code}: 400 with the failing fields, 404, 409 for conflicts
 * (a taken id, or the stream changed concurrently), 422 for a broken rule, 503 while the database is unreachable, and
 * 500 for the rest. {@code detail} is for people and never names a Java type; the full exception goes to the log.
 * <p>
 * Nothing may escape this advice: an exception it rethrows goes on to Spring's {@code DisconnectedClientHelper}, which
 * takes any cause named {@code EOFException} (PostgreSQL's driver throws one when the server goes away) for a client
 * that hung up and answers 200 with an empty body — a success for a write that never happened.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** Seconds a client should wait before retrying while the database is unreachable (a restart takes a few). */
    static final String RETRY_AFTER_SECONDS = "5";
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate Object property \"([^\"]*)\"");

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> refused(CommandExecutionException exception, HttpServletRequest request) {
        CommandErrorDetails details = exception.getDetails().filter(CommandErrorDetails.class::isInstance)
                .map(CommandErrorDetails.class::cast).orElse(null);
        if (details == null) {
            Throwable cause = exception.getCause();
            if (cause instanceof AggregateNotFoundException notFound) {
                return respond(notFound(notFound, request));
            }
            return failure(exception, request);
        }
        HttpStatus status = switch (details.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE_BROKEN -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail problem = problem(status, details.code(), exception.getMessage());
        if (details.field() != null) {
            problem.setProperty("field", details.field());
        }
        return respond(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException exception, HttpServletRequest request) {
        StreamKind stream = StreamKind.of(request);
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, stream.name() + "_NOT_FOUND",
                ProblemMessages.text("problem.stream-not-found", stream.noun(), exception.getAggregateIdentifier()));
        problem.setProperty("field", stream.field);
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrency(ConcurrencyException exception, HttpServletRequest request) {
        return failure(exception, request);
    }

    /** The security firewall refused what the request carries (say, a form field whose name holds a line break). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException exception) {
        return respond(problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", ProblemMessages.text("problem.rejected-characters")));
    }

    /**
     * Whatever else a command or a request can throw: the database being unreachable (503, retry), a real sequence
     * conflict (409), or a fault of ours (500). Security's own exceptions go back to its filter, which answers them.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception, HttpServletRequest request) throws Exception {
        if (exception instanceof AccessDeniedException || exception instanceof AuthenticationException) {
            throw exception;
        }
        if (exception instanceof ErrorResponse framework) {
            return respond(withCode(framework.getStatusCode(), framework.getBody()));
        }
        return failure(exception, request);
    }

    private ResponseEntity<ProblemDetail> failure(Exception exception, HttpServletRequest request) {
        return switch (FailureKind.of(exception)) {
            case DATABASE_UNAVAILABLE -> {
                LOG.warn("Database unavailable during {} {}: answered 503", request.getMethod(), request.getRequestURI(), exception);
                yield ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                                ProblemMessages.text("problem.event-store-unavailable")));
            }
            case SEQUENCE_CONFLICT -> respond(problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                    ProblemMessages.text("problem.concurrent-modification", StreamKind.of(request).noun())));
            case INTERNAL -> {
                if (exception instanceof CommandOutcomeUnknown) {
                    yield ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                                    ProblemMessages.text("problem.outcome-unknown")));
                }
                LOG.error("Failure during {} {}: answered 500", request.getMethod(), request.getRequestURI(), exception);
                yield respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", ProblemMessages.text("problem.command-fault")));
            }
        };
    }

    /** Which kind of stream a request addresses, by its path, so that a missing or changed stream is named rightly. */
    private enum StreamKind {
        OBJECTIVE("objective", "objectiveId"), AUDIT("audit", "auditId"), NONCONFORMITY("nonconformity", "nonconformityId"),
        REVIEW("review", "reviewId");

        private final String nounKey;
        final String field;

        StreamKind(String noun, String field) {
            this.nounKey = "problem.stream." + noun;
            this.field = field;
        }

        /** The stream's name in the request's language. */
        String noun() {
            return ProblemMessages.text(nounKey);
        }

        static StreamKind of(HttpServletRequest request) {
            String path = request.getRequestURI();
            if (path.startsWith("/api/audits")) {
                return AUDIT;
            }
            if (path.startsWith("/api/reviews")) {
                return REVIEW;
            }
            return path.startsWith("/api/nonconformities") ? NONCONFORMITY : OBJECTIVE;
        }
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException exception) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "'" + exception.getName() + "' is not valid");
        problem.setProperty("errors", List.of(error(exception.getName(), "Pattern", "is not a valid " + exception.getName())));
        return problem;
    }

    /**
     * An id of the request that breaks the id pattern. Only this {@link IllegalArgumentException} is the client's: any
     * other is a fault of the service (a 500, logged), and its message, written for developers, is never answered.
     */
    @ExceptionHandler(InvalidIdException.class)
    ProblemDetail badId(InvalidIdException exception) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "'" + exception.field() + "' is not a valid id");
        problem.setProperty("errors", List.of(error(exception.field(), "Pattern", exception.reason())));
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError)
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", ProblemMessages.text("problem.invalid-fields"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (!(exception.getCause() instanceof JacksonException json)) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", ProblemMessages.text("problem.needs-json"));
            return ResponseEntity.badRequest().body(problem);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", ProblemMessages.text("problem.malformed-json"));
        problem.setProperty("errors", List.of(jsonError(json)));
        return ResponseEntity.badRequest().body(problem);
    }

    /** What was wrong with the JSON, in domain words: Jackson's own messages name Java types and tokens. */
    private static Map<String, String> jsonError(JacksonException exception) {
        String field = jsonPath(exception);
        if (exception instanceof InvalidInput invalid) {
            return error(field, invalid.rule(), invalid.reason());
        }
        if (exception instanceof UnrecognizedPropertyException) {
            return error(field, "UnknownField", "is not a field of this request");
        }
        if (exception instanceof InvalidNullException) {
            return error(field, "NotNull", "must not be null");
        }
        if (exception instanceof ValueInstantiationException) {
            InvalidIdException badId = causeOf(exception, InvalidIdException.class);
            return badId != null ? error(field, "Pattern", badId.reason()) : error(field, "Invalid", "is not valid");
        }
        if (exception instanceof MismatchedInputException mismatch) {
            return error(field, "Type", expected(mismatch.getTargetType()));
        }
        if (exception instanceof StreamReadException) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(exception.getOriginalMessage()));
            if (duplicate.find()) {
                return error(field.isEmpty() ? duplicate.group(1) : field + "." + duplicate.group(1), "DuplicateField",
                        "is given more than once");
            }
            return error(field, "Json", "is not well-formed JSON");
        }
        return error(field, "Invalid", "is not valid");
    }

    /** What a value of {@code type} must look like, without naming the type. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == BigInteger.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == BigDecimal.class || type == double.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be an ISO date yyyy-MM-dd";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }

    private static <T extends Throwable> T causeOf(Throwable exception, Class<T> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String jsonPath(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (var reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Map<String, String> fieldError(FieldError error) {
        return error(error.getField(), String.valueOf(error.getCode()), String.valueOf(error.getDefaultMessage()));
    }

    private static Map<String, String> error(String field, String rule, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("rule", rule);
        error.put("message", message);
        return error;
    }

    /**
     * Every error Spring answers itself (405, 406, 415, a missing parameter, …) as a problem with a {@code code} too,
     * and with Spring's detail only where it names no Java type.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(exception, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            withCode(response.getStatusCode(), problem);
        }
        return response;
    }

    private static ProblemDetail withCode(HttpStatusCode status, ProblemDetail problem) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            String code = codeOf(status);
            problem.setProperty("code", code);
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(Problems.typeOf(code));
            }
        }
        if (problem.getDetail() != null && (problem.getDetail().contains("java.") || problem.getDetail().contains("vn.qualityledger."))) {
            problem.setDetail(ProblemMessages.title(status.value()));
        }
        problem.setTitle(ProblemMessages.title(status.value()));
        return problem;
    }

    private static String codeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return "HTTP_" + status.value();
        }
        return switch (known) {
            case BAD_REQUEST -> "INVALID_REQUEST";
            case INTERNAL_SERVER_ERROR -> "INTERNAL_ERROR";
            case UNPROCESSABLE_CONTENT -> "UNPROCESSABLE";
            case PAYLOAD_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            default -> known.name();
        };
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        return Problems.detail(status.value(), code, detail);
    }
}
