package vn.qualityledger.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * No read parameter or path segment holds a control character (U+0000–U+001F, U+007F–U+009F): no id, unit, clause or
 * date has one, and PostgreSQL refuses U+0000 in a query parameter, which made {@code ?unit=%00} a 500. Refused
 * with a 400 naming the parameter, before any read runs.
 */
@Component
public class PlainTextParameters implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.getParameterMap().forEach((name, values) -> {
            if (hasControl(name)) {
                throw new InvalidParameterException("(a parameter name)", "must not contain control characters");
            }
            for (String value : values) {
                if (hasControl(value)) {
                    throw new InvalidParameterException(name, "must not contain control characters");
                }
            }
        });
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> {
                if (value instanceof String text && hasControl(text)) {
                    throw new InvalidParameterException(String.valueOf(name), "must not contain control characters");
                }
            });
        }
        return true;
    }

    private static boolean hasControl(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }
}
