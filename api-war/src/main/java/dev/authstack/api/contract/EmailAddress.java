package dev.authstack.api.contract;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An e-mail address as the API accepts it: {@code @Email}, and a dot in the domain, which {@code @Email} alone does not
 * require; at most 254 characters (RFC 5321's limit on a path). {@code null} is left to {@code @NotNull}.
 */
@Documented
@Email
@Pattern(regexp = EmailAddress.PATTERN)
@Size(max = EmailAddress.MAX_LENGTH)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    String PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    int MAX_LENGTH = 254;

    String message() default "must be a well-formed e-mail address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
