package org.itaoversight.api.ita.loading;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A load of ITA results as recorded in {@code ita_load}: who, when, which file, what it held, and how it ended. */
public record ResultLoadRecord(String id, OffsetDateTime startedAt, Optional<OffsetDateTime> finishedAt, String username,
                               String fileName, String sha256, Layout layout, List<Integer> fiscalYears, int rowsAccepted,
                               String status, Optional<String> error) {
}
