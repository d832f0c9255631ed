package dev.authstack.api.contract;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A username: 3 to 50 of {@code A-Z a-z 0-9 _ . -}. Uniqueness regardless of case is the store's rule, not this one.
 * The schema (sql/) has the same check constraint as the database's own guard. {@code null} is left to
 * {@code @NotNull}.
 */
@Documented
@Pattern(regexp = Username.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Username {

    /** The characters a username is made of. */
    String CHARACTERS = "[A-Za-z0-9_.-]";

    int MAX_LENGTH = 50;

    String PATTERN = CHARACTERS + "{3," + MAX_LENGTH + "}";

    String message() default "must be 3 to 50 letters, digits, '_', '.' or '-'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
