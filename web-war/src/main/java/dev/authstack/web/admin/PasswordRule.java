package dev.authstack.web.admin;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * The API's password rule, 8 to 72 bytes of UTF-8 (BCrypt's limit), checked here first so the user sees it next to
 * the field. An empty value passes: on the edit form it means "unchanged", on the create form {@code @NotBlank} rules.
 */
@Constraint(validatedBy = PasswordRule.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PasswordRule {

    String message() default "Passwords are 8 to 72 bytes long (accented letters and symbols count as 2 to 4).";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PasswordRule, String> {

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            if (password == null || password.isEmpty()) {
                return true;
            }
            int bytes = password.getBytes(StandardCharsets.UTF_8).length;
            return bytes >= 8 && bytes <= 72;
        }
    }
}
