package dev.authstack.api.contract;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one form of a username that the user lookup, the login throttle and the audit trail compare: a name within the
 * {@link Username} rule, in ASCII lower case. A name outside the rule has no canonical form and is nobody's name: no
 * Unicode case mapping, normalisation or trimming makes {@code İ} (U+0130), {@code ı}, the Kelvin sign, fullwidth
 * letters, combining marks or spaces into an account's name. The database's {@code LOWER} is applied only to stored
 * names, which its check constraint keeps within the rule.
 */
public record CanonicalUsername(String value) {

    private static final Pattern RULE = Pattern.compile(Username.PATTERN);
    private static final Pattern CANONICAL = Pattern.compile("[a-z0-9_.-]{3,50}");

    public CanonicalUsername {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            // Never the value: a login name may be a password typed into the wrong field.
            throw new IllegalArgumentException("not a canonical username");
        }
    }

    /** The canonical form of a name, or none when the name is outside the username rule. */
    public static Optional<CanonicalUsername> of(String name) {
        if (name == null || !RULE.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(new CanonicalUsername(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return value;
    }
}
