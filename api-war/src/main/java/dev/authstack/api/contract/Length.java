package dev.authstack.api.contract;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code @Size} for the components of a contract record. Payara's OpenAPI scanner fails on a bare {@code @Size} (or
 * {@code @NotBlank}, {@code @Min}...) that a record component passes on to its constructor's parameter, and then
 * serves a truncated document; it leaves a composed constraint alone. The limits go into the OpenAPI schema through
 * {@code @Schema(minLength, maxLength)} beside it. {@code null} is left to {@code @NotNull}.
 */
@Documented
@Size
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Length {

    @OverridesAttribute(constraint = Size.class, name = "min")
    int min() default 0;

    @OverridesAttribute(constraint = Size.class, name = "max")
    int max() default Integer.MAX_VALUE;

    String message() default "size must be between {min} and {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
