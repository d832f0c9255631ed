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
import java.util.Locale;
import java.util.Map;

import me.gosimple.nbvcxz.resources.DictionaryUtil;

/**
 * Not one of the 100,000 passwords attackers try first: the list of common and breached passwords that nbvcxz (a
 * zxcvbn port) ships, compared regardless of case. Guarding new passwords only: existing hashes keep working.
 * {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = UncommonPassword.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface UncommonPassword {

    String message() default "is one of the most common passwords, which attackers try first; choose another";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<UncommonPassword, String> {

        /** Loaded once, on first use: about 100,000 words. */
        private static final class Common {
            static final Map<String, Integer> PASSWORDS = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords);
        }

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return password == null || !isCommon(password);
        }

        public static boolean isCommon(String password) {
            return Common.PASSWORDS.containsKey(password) || Common.PASSWORDS.containsKey(password.toLowerCase(Locale.ROOT));
        }
    }
}
