package org.itaoversight.api.measures;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * One change of a measure as the API shows it: the version it produced, when and by whom, what was done
 * ({@code create}, {@code update}, {@code cancel}, {@code import}), and the fields it set as a JSON object: every
 * field for a creation, field → {@code {from, to}} for a change.
 */
public record MeasureChange(int version, OffsetDateTime changedAt, String username, String action, JsonNode changes) {
}
