package dev.authstack.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages show a moment: to the minute, in UTC, said so. */
public final class Times {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String of(Instant instant) {
        return DISPLAY.format(instant);
    }
}
