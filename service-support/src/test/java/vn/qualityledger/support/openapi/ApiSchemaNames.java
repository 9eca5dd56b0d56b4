package vn.qualityledger.support.openapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The project's types that springdoc would publish under one schema name: it names a schema by the class's simple
 * name (or its {@code @Schema(name)}), so two records called {@code Verification} become one schema, and every
 * operation of either points at whichever was resolved last. Reads the records (and their components, their type
 * arguments) that the handlers answer or take as bodies.
 */
public final class ApiSchemaNames {

    private static final String PROJECT = "vn.qualityledger.";

    private ApiSchemaNames() {
    }

    /** Schema name to the two or more classes published under it; empty when every name is one class's. */
    public static Map<String, Set<String>> collisions(RequestMappingHandlerMapping handlers) {
        Map<String, Set<String>> byName = schemaNames(handlers);
        byName.values().removeIf(classes -> classes.size() < 2);
        return byName;
    }

    /** Every schema name of the project's types the handlers answer or take, with the classes published under it. */
    public static Map<String, Set<String>> schemaNames(RequestMappingHandlerMapping handlers) {
        Map<String, Set<String>> byName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        for (HandlerMethod handler : handlers.getHandlerMethods().values()) {
            List<Type> types = new ArrayList<>();
            types.add(handler.getMethod().getGenericReturnType());
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    types.add(parameter.getGenericParameterType());
                }
            }
            types.forEach(type -> collect(type, seen, byName));
        }
        return byName;
    }

    private static void collect(Type type, Set<Class<?>> seen, Map<String, Set<String>> byName) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), seen, byName);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, seen, byName);
            }
        } else if (type instanceof GenericArrayType array) {
            collect(array.getGenericComponentType(), seen, byName);
        } else if (type instanceof Class<?> cls && cls.getName().startsWith(PROJECT) && !cls.isEnum() && seen.add(cls)) {
            Schema named = cls.getAnnotation(Schema.class);
            String name = named != null && !named.name().isBlank() ? named.name() : cls.getSimpleName();
            byName.computeIfAbsent(name, n -> new TreeSet<>()).add(cls.getName());
            if (cls.isRecord()) {
                for (RecordComponent component : cls.getRecordComponents()) {
                    collect(component.getGenericType(), seen, byName);
                }
            }
        }
    }
}
