package vn.qualityledger.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets, before authentication: a body larger than the limit is refused with 413 (not
 * parsed in full first), and a body, query string or path that is not well-formed UTF-8 (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF) or that carries control characters in its parameters is refused with 400.
 * Java's decoders would otherwise replace or decode such bytes (an overlong {@code C0 AF} became '/'), and what was
 * decoded was stored. What passes on carries its parameters in NFC and trimmed ({@link NormalisedParameters}), as
 * the strict request JSON carries its text. Every response also gets {@code X-Content-Type-Options: nosniff}.
 */
public class RequestGuard extends OncePerRequestFilter {

    private final long maxBodyBytes;
    /** Uploads (multipart bodies, spooled to disk by the container) may be larger than other bodies. */
    private final long maxMultipartBytes;

    public RequestGuard(long maxBodyBytes) {
        this(maxBodyBytes, maxBodyBytes);
    }

    public RequestGuard(long maxBodyBytes, long maxMultipartBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxMultipartBytes = maxMultipartBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        String refusal = refusePath(request);
        if (refusal == null) {
            refusal = refuseQuery(request.getQueryString());
        }
        if (refusal != null) {
            Problems.write(response, 400, "MALFORMED_REQUEST", refusal);
            return;
        }
        long declared = request.getContentLengthLong();
        long limit = multipart(request.getContentType()) ? maxMultipartBytes : maxBodyBytes;
        if (declared > limit) {
            tooLarge(response, limit);
            return;
        }
        if (declared == 0 || !buffered(request.getContentType())) {
            chain.doFilter(new NormalisedParameters(request), response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBodyBytes);
        if (body == null) {
            tooLarge(response, maxBodyBytes);
            return;
        }
        String malformed = malformedAt(body);
        if (malformed != null) {
            Problems.write(response, 400, "MALFORMED_UTF8", "The request body is not well-formed UTF-8: " + malformed);
            return;
        }
        chain.doFilter(new NormalisedParameters(new BufferedBodyRequest(request, body)), response);
    }

    private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        Problems.write(response, 413, "PAYLOAD_TOO_LARGE",
                "The request body is larger than " + limit + " bytes, the most this service takes");
    }

    private static boolean multipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * Bodies read here: JSON and text, and a body without a type (it reaches a JSON endpoint or nothing). Forms and
     * multipart bodies are the container's to parse (its own size limits apply) and are left as they are.
     */
    private static boolean buffered(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.contains("+json") || type.startsWith("text/");
    }

    /** The body, or null when it is longer than {@code limit} (read no further than that). */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** Where the bytes stop being UTF-8, or null when they are. */
    static String malformedAt(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            decoder.decode(in);
            return null;
        } catch (CharacterCodingException e) {
            return "invalid byte sequence at byte " + in.position();
        }
    }

    /**
     * The path, percent-decoded by hand from the raw request URI (not as the container or a test's mock decoded it),
     * must be UTF-8 without control characters. Tomcat already refuses NUL, an encoded slash and malformed UTF-8 there.
     */
    static String refusePath(HttpServletRequest request) {
        String path = decoded(request.getRequestURI(), false);
        if (path == null) {
            return "The request path is not well-formed percent-encoded UTF-8";
        }
        return hasControl(path) ? "The request path contains control characters" : null;
    }

    /**
     * Each query parameter, percent-decoded by hand, must be UTF-8 without control characters: the container decodes
     * malformed bytes with replacement characters and passes NUL on to the database.
     */
    static String refuseQuery(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decoded(rawName, true);
            String value = decoded(equals < 0 ? "" : pair.substring(equals + 1), true);
            String shown = name == null ? "a query parameter" : "query parameter '" + name + "'";
            if (name == null || value == null) {
                return "The " + shown + " is not well-formed percent-encoded UTF-8";
            }
            if (hasControl(name) || hasControl(value)) {
                return "The " + shown + " contains control characters";
            }
        }
        return null;
    }

    /** Percent-decodes strictly, or null when the escapes or the UTF-8 they spell are malformed. */
    private static String decoded(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // The container hands the raw query over as ISO-8859-1 characters: each is one byte.
                bytes.write(c & 0xFF);
            }
        }
        byte[] decoded = bytes.toByteArray();
        return malformedAt(decoded) == null ? new String(decoded, StandardCharsets.UTF_8) : null;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F));
    }

    /** The request with its body already read, so that what follows reads the same bytes. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
