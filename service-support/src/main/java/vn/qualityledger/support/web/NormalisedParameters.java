package vn.qualityledger.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.qualityledger.support.input.RequestText;

/**
 * The request with every parameter's name and values {@linkplain RequestText#normalised normalised} (NFC, trimmed), as
 * request bodies are: {@code ?unit=} typed decomposed finds the unit stored precomposed. Whatever reads parameters —
 * Spring's binding of {@code @RequestParam} of any type, an interceptor, a controller — reads these. The raw
 * {@link #getQueryString()} stays as sent.
 */
final class NormalisedParameters extends HttpServletRequestWrapper {

    private Map<String, String[]> parameters;

    NormalisedParameters(HttpServletRequest request) {
        super(request);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        if (parameters == null) {
            Map<String, String[]> normalised = new LinkedHashMap<>();
            super.getParameterMap().forEach((name, values) -> {
                String[] own = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    own[i] = values[i] == null ? null : RequestText.normalised(values[i]);
                }
                // Two names that differ only in their form are one name: their values are joined, in order.
                normalised.merge(RequestText.normalised(name), own, NormalisedParameters::joined);
            });
            parameters = Collections.unmodifiableMap(normalised);
        }
        return parameters;
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterValues(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = getParameterMap().get(name == null ? null : RequestText.normalised(name));
        return values == null ? null : values.clone();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    private static String[] joined(String[] first, String[] second) {
        String[] both = new String[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
