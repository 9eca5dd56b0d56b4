package vn.qualityledger.support.input;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How both services read request bodies: strictly. Spring's {@code JsonMapper} reads HTTP bodies only; Axon's
 * {@code Jackson3Serializer}, which reads the stored events, builds a mapper of its own (with only the
 * {@code Jackson3SerializerCustomizer}s), so nothing here can make a stored event unreadable.
 */
@AutoConfiguration
@ConditionalOnClass(JsonMapper.class)
public class StrictRequestJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictRequestJson() {
        return StrictRequestJsonConfiguration::strict;
    }

    /** The settings, for tests that build the mapper without Spring. */
    public static void strict(JsonMapper.Builder builder) {
        builder
                // {"reason": "a", "reason": "b"} is ambiguous, not "the last one wins".
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // A misspelt optional field would otherwise be dropped without a word.
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // 2023.7 is no year: no silent truncation of decimals into whole numbers.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // No scalar coercion: "100" is not a number, 1 is not true, true is not text.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                // [null] in a list is no entry: refused with its index rather than failing later on a null.
                .changeDefaultNullHandling(handling -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .addModule(new SimpleModule("quality-ledger-request-values")
                        .addDeserializer(String.class, new RequestTextDeserializer(false))
                        .addDeserializer(LocalDate.class, new IsoDateDeserializer()));
    }

    /**
     * {@code @NotBlank} everywhere (request records and the shared-api value types) also refuses text made only of
     * no-break or other Unicode spaces: Hibernate Validator's own check uses {@link Character#isWhitespace} alone.
     */
    @Bean
    @ConditionalOnClass(HibernateValidatorConfiguration.class)
    ValidationConfigurationCustomizer unicodeNotBlank() {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                ConstraintMapping mapping = hibernate.createConstraintMapping();
                mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false)
                        .validatedBy(UnicodeNotBlankValidator.class);
                hibernate.addMapping(mapping);
            }
        };
    }
}
