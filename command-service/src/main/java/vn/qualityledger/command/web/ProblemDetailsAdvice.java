package vn.qualityledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import vn.qualityledger.api.common.CommandErrorDetails;

/**
 * Every refusal as an RFC 9457 problem: 400 with the failing fields, 404, 409 for conflicts (a taken id, or the stream
 * changed concurrently), 422 for a broken rule. {@code code} is stable for clients; {@code detail} is for people.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final String TYPE_BASE = "https://quality-ledger.vn/problems/";

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail refused(CommandExecutionException exception, HttpServletRequest request) {
        CommandErrorDetails details = exception.getDetails().filter(CommandErrorDetails.class::isInstance)
                .map(CommandErrorDetails.class::cast).orElse(null);
        if (details == null) {
            Throwable cause = exception.getCause();
            if (cause instanceof AggregateNotFoundException notFound) {
                return notFound(notFound, request);
            }
            if (cause instanceof ConcurrencyException concurrent) {
                return concurrency(concurrent, request);
            }
            throw exception;
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
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException exception, HttpServletRequest request) {
        StreamKind stream = StreamKind.of(request);
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, stream.name() + "_NOT_FOUND", "No " + stream.noun + " " + exception.getAggregateIdentifier());
        problem.setProperty("field", stream.field);
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrency(ConcurrencyException exception, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "The " + StreamKind.of(request).noun + " changed while this command was handled; read it again and retry");
    }

    /** Which kind of stream a request addresses, by its path, so that a missing or changed stream is named rightly. */
    private enum StreamKind {
        OBJECTIVE("objective", "objectiveId"), AUDIT("audit", "auditId"), NONCONFORMITY("nonconformity", "nonconformityId");

        final String noun;
        final String field;

        StreamKind(String noun, String field) {
            this.noun = noun;
            this.field = field;
        }

        static StreamKind of(HttpServletRequest request) {
            String path = request.getRequestURI();
            if (path.startsWith("/api/audits")) {
                return AUDIT;
            }
            return path.startsWith("/api/nonconformities") ? NONCONFORMITY : OBJECTIVE;
        }
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail badArgument(Exception exception) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", exception.getMessage());
        if (exception instanceof MethodArgumentTypeMismatchException mismatch) {
            problem.setProperty("errors", List.of(Map.of("field", mismatch.getName(), "message", "is not a valid " + mismatch.getName())));
        }
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError)
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "The request has invalid fields");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request body is not valid JSON for this endpoint");
        if (exception.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            problem.setProperty("errors", List.of(Map.of("field", jsonPath(databind), "message", rootMessage(databind))));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    private static String jsonPath(DatabindException exception) {
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

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "rule", String.valueOf(error.getCode()),
                "message", String.valueOf(error.getDefaultMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }
}
