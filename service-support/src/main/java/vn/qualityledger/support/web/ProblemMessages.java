package vn.qualityledger.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The words of the problems both services answer, in English (the default: the APIs are for integrators) or in
 * Vietnamese when the request's {@code Accept-Language} prefers it. Kept in {@code quality-ledger-problems*.properties}
 * and read through a {@link MessageSource}; static, because the servlet filters and the container's error reports
 * write problems where no Spring bean is at hand. The request is the current one ({@link RequestContextHolder}).
 */
public final class ProblemMessages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final String BASENAME = "quality-ledger-problems";
    private static final List<Locale> SUPPORTED = List.of(ENGLISH, VIETNAMESE);
    private static final MessageSource MESSAGES = messageSource();

    private ProblemMessages() {
    }

    /** The title of a status: its reason phrase in English, or in Vietnamese (a status without one: "Error"). */
    public static String title(int status) {
        return title(status, locale());
    }

    static String title(int status, Locale locale) {
        String title = MESSAGES.getMessage("problem.title." + status, null, null, locale);
        if (title != null) {
            return title;
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known != null && ENGLISH.equals(locale) ? known.getReasonPhrase() : textIn(locale, "problem.title.other");
    }

    /** The text of a key for the current request, with its arguments ({@code {0}}, {@code {1}} …). */
    public static String text(String key, Object... arguments) {
        return textIn(locale(), key, arguments);
    }

    static String textIn(Locale locale, String key, Object... arguments) {
        return MESSAGES.getMessage(key, arguments, locale);
    }

    /** The language of the current request's problems: Vietnamese when Accept-Language ranks it above English. */
    public static Locale locale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return locale(attributes.getRequest());
        }
        return ENGLISH;
    }

    static Locale locale(HttpServletRequest request) {
        return locale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return chosen == null ? ENGLISH : chosen;
        } catch (IllegalArgumentException malformed) {
            return ENGLISH; // a malformed header is no reason to refuse the problem itself
        }
    }

    private static MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename(BASENAME);
        source.setDefaultEncoding("UTF-8");
        // the base file is English: never the JVM's own locale, whatever the host is set to
        source.setFallbackToSystemLocale(false);
        // this class's own loader, not the calling thread's: a first lookup from a thread with another context loader
        // (an embedded server's) must not decide, for the whole JVM, that the Vietnamese file does not exist
        source.setBundleClassLoader(ProblemMessages.class.getClassLoader());
        return source;
    }
}
