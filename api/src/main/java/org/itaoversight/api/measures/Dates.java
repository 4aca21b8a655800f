package org.itaoversight.api.measures;

import jakarta.ws.rs.BadRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The {@code asOf} parameter: an ISO date (CE), today in Asia/Bangkok when absent. */
final class Dates {

    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    private Dates() {
    }

    static LocalDate asOf(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(clock.withZone(BANGKOK));
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("asOf must be an ISO date such as 2023-09-30, got '" + text + "'");
        }
    }
}
