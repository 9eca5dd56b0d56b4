package vn.qualityledger.api.contract;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Sample events built from the records themselves, so that a new event type or property gets a sample without a test
 * to update: every property set ({@link #full}), or every property that may be null (not primitive, not {@code @NotNull}) left null ({@link #sparse}).
 * Strings carry Vietnamese text; ids are valid ids. Public for the other modules' tests (shared-api's test-jar).
 */
public final class SampleEvents {

    /** Values for the {@code @Pattern}s of the records' properties (a regular expression has no generic sample). */
    private static final Map<String, String> MATCHING = Map.of(
            "https?://\\S+", "https://vanban.haiduong.gov.vn/512-BC-SLDTBXH.pdf",
            "[0-9a-fA-F]{64}", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "[0-9a-f]{64}", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    private SampleEvents() {
    }

    public static Object full(Class<?> type) {
        return build(type, false);
    }

    public static Object sparse(Class<?> type) {
        return build(type, true);
    }

    private static Object build(Class<?> type, boolean sparse) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            jakarta.validation.constraints.Pattern pattern = fieldAnnotation(type, components[i].getName(), jakarta.validation.constraints.Pattern.class);
            boolean mayBeNull = !types[i].isPrimitive()
                    && fieldAnnotation(type, components[i].getName(), jakarta.validation.constraints.NotNull.class) == null;
            if (sparse && mayBeNull) {
                values[i] = null;
            } else if (pattern != null) {
                values[i] = MATCHING.get(pattern.regexp());
                if (values[i] == null) {
                    throw new IllegalArgumentException("no sample for @Pattern " + pattern.regexp() + " of " + type.getName()
                            + ": add one to SampleEvents.MATCHING");
                }
            } else if (types[i] == List.class) {
                // As many items as a @Size asks for (a window is [start, end]), at least one.
                jakarta.validation.constraints.Size size = fieldAnnotation(type, components[i].getName(), jakarta.validation.constraints.Size.class);
                Type item = ((ParameterizedType) components[i].getGenericType()).getActualTypeArguments()[0];
                values[i] = java.util.Collections.nCopies(Math.max(1, size == null ? 1 : size.min()), value(components[i].getName(), item, sparse));
            } else {
                values[i] = value(components[i].getName(), components[i].getGenericType(), sparse);
            }
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + type.getName() + " from " + Arrays.toString(values), e);
        }
    }

    /** A constraint of a record component (Bean Validation annotations on a component land on its field). */
    private static <A extends java.lang.annotation.Annotation> A fieldAnnotation(Class<?> type, String name, Class<A> annotation) {
        try {
            return type.getDeclaredField(name).getAnnotation(annotation);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Object value(String name, Type type, boolean sparse) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return List.of(value(name, list.getActualTypeArguments()[0], sparse));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return "Báo cáo " + name;
        }
        if (raw == int.class || raw == Integer.class) {
            return 2023;
        }
        if (raw == long.class || raw == Long.class) {
            return 42L;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal("95.50");
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2023, 5, 14);
        }
        if (raw == Instant.class) {
            return Instant.parse("2023-05-14T03:15:30.123Z");
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw.isRecord() && raw.getRecordComponents().length == 1 && raw.getRecordComponents()[0].getType() == String.class
                && raw.getSimpleName().endsWith("Id")) {
            return build(raw, "SLDTBXH-HD." + name + ":1@2023-05-14");
        }
        if (raw.isRecord()) {
            // Nested values are always complete: what may be null inside them is covered by their own constraints.
            return build(raw, false);
        }
        throw new IllegalArgumentException("no sample for " + type + " (" + name + "): teach SampleEvents this type");
    }

    private static Object build(Class<?> idType, String value) {
        try {
            return idType.getDeclaredConstructor(String.class).newInstance(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
