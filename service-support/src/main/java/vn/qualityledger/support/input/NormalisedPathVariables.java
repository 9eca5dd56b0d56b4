package vn.qualityledger.support.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The path variables of every handler in NFC, before any is bound: {@code /units/{unit}} with the unit's name typed
 * decomposed finds the unit stored precomposed. Only composed, not trimmed: a path is an address a client builds, and
 * {@code /objectives/abc%20} is not the address of {@code abc}.
 */
final class NormalisedPathVariables implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables && !variables.isEmpty()) {
            Map<String, String> composed = new LinkedHashMap<>();
            variables.forEach((name, value) -> composed.put(String.valueOf(name), value == null ? null : RequestText.composed(value.toString())));
            request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, composed);
        }
        return true;
    }
}
