package dev.authstack.api.contract;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * A password BCrypt can hash faithfully: 8 to 72 bytes of UTF-8. BCrypt ignores everything past byte 72, so a longer
 * password is refused rather than silently truncated. {@code null} is left to {@code @NotNull} (on the web app's edit
 * form, an empty password field means "unchanged").
 */
@Documented
@Constraint(validatedBy = ValidPassword.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidPassword {

    int MIN_BYTES = 8;
    int MAX_BYTES = 72;

    String message() default "must be 8 to 72 bytes long (accented letters and symbols count as 2 to 4)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidPassword, String> {

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            if (password == null) {
                return true;
            }
            int bytes = password.getBytes(StandardCharsets.UTF_8).length;
            return bytes >= MIN_BYTES && bytes <= MAX_BYTES;
        }
    }
}
