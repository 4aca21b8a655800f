package org.itaoversight.api.ita.loading;

import java.util.List;

/** What a load did: its id, the file's identity, the years it replaced, the rows accepted, and warnings. */
public record LoadReport(String loadId, String fileName, String sha256, Layout layout, List<Integer> fiscalYears,
                         int rowsAccepted, long millis, List<String> warnings) {
}
