package vn.qualityledger.support.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;

/** {@link NotBlank} that also takes no-break and other Unicode spaces for blank ({@link RequestText#isBlank}). */
public class UnicodeNotBlankValidator implements ConstraintValidator<NotBlank, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value != null && !RequestText.isBlank(value);
    }
}
