package org.itaoversight.api.params;

import jakarta.ws.rs.BadRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.itaoversight.reporting.text.ThaiCalendar;

/** The {@code asOf} query parameter: an ISO date (CE); a malformed one is a 400 with the reason. */
public final class AsOfParameter {

    private AsOfParameter() {
    }

    /** The day asked for, if any. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("asOf must be an ISO date such as 2023-09-30, got '" + text + "'");
        }
    }

    /** The day asked for, or today in Asia/Bangkok. */
    public static LocalDate orToday(String text, Clock clock) {
        return parse(text).orElseGet(() -> LocalDate.now(clock.withZone(ThaiCalendar.BANGKOK)));
    }
}
