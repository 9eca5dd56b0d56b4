package vn.qualityledger.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problems written where Spring MVC's advice cannot reach: the servlet filters, the container's own error
 * reports and the error page. Same shape as the services' advices: {@code type}, {@code title}, {@code status},
 * {@code detail} and the stable {@code code}. The title, and the detail of the common codes, follow the request's
 * {@code Accept-Language} ({@link ProblemMessages}).
 */
public final class Problems {

    public static final String TYPE_BASE = "https://quality-ledger.vn/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** The problem as JSON text. */
    public static String json(int status, String code, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", typeOf(code).toString());
        problem.put("title", ProblemMessages.title(status));
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        return JSON.writeValueAsString(problem);
    }

    /** The problem as Spring's {@link ProblemDetail}, for a controller to answer. */
    public static ProblemDetail detail(int status, String code, String detail) {
        return withCode(ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail), code);
    }

    /** Gives a problem its stable code, the type URI of that code and the title of its status. */
    public static ProblemDetail withCode(ProblemDetail problem, String code) {
        problem.setType(typeOf(code));
        problem.setTitle(ProblemMessages.title(problem.getStatus()));
        problem.setProperty("code", code);
        return problem;
    }

    /** The type URI of a code: {@code https://quality-ledger.vn/problems/<code in kebab case>}. */
    public static URI typeOf(String code) {
        return URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** Sets the status and headers and writes the problem as the whole body. */
    public static void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
        response.setStatus(status);
        prepare(response);
        response.getWriter().write(json(status, code, detail));
    }

    /** Headers of every problem response. */
    public static void prepare(HttpServletResponse response) {
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /** For a writer the container hands out (its own error reports). */
    static void write(Writer writer, int status, String code, String detail) throws IOException {
        writer.write(json(status, code, detail));
    }

    /** The stable code of a status that reached the container without one of the services' own codes. */
    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 408 -> "REQUEST_TIMEOUT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431 -> "HEADERS_TOO_LARGE";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    /** A detail for people, naming no internals (in the request's language where the common codes have one). */
    public static String detailOf(int status) {
        return switch (status) {
            case 400 -> "The request is not valid HTTP for this service (an encoded slash or NUL in the path, "
                    + "a path or header that is too long, or malformed UTF-8)";
            case 404 -> ProblemMessages.text("problem.nothing-here");
            case 405 -> "This address does not take that method";
            case 413 -> "The request body is too large";
            case 414 -> "The request address is too long";
            case 431 -> "The request headers are too large";
            case 503 -> ProblemMessages.text("problem.unavailable");
            default -> status >= 500 ? "The request could not be completed; it has been logged"
                    : "The request cannot be handled";
        };
    }
}
