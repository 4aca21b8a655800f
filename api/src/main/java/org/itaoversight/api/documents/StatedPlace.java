package org.itaoversight.api.documents;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itaoversight.tenants.registry.AgencyLookup;

/**
 * Where a document's head says its agency is: "อำเภอ… จังหวัด…" (or "อ.… จ.…") anywhere in the head, else whichever
 * of the two stands on the agency's own line ("องค์การบริหารส่วนตำบลบางระกำ จังหวัดนครปฐม"). Both readers of agency
 * documents (measures reports, ITA analyses) find the place this one way.
 */
public record StatedPlace(Optional<String> districtTh, Optional<String> provinceTh) {

    private static final Pattern DISTRICT_AND_PROVINCE =
            Pattern.compile("(?:อำเภอ|อ\\.)\\s*([\\u0E01-\\u0E4E]+)\\s+(?:จังหวัด|จ\\.)\\s*([\\u0E01-\\u0E4E]+)");

    /** @param head the document's text before its first table, markup removed */
    public static StatedPlace in(String head, AgencyFinder agencies) {
        Matcher both = DISTRICT_AND_PROVINCE.matcher(head);
        if (both.find()) {
            return new StatedPlace(Optional.of(both.group(1)), Optional.of(both.group(2)));
        }
        for (String line : head.split("\n")) {
            if (!agencies.namesIn(line).isEmpty()) {
                AgencyLookup.Reference written = AgencyLookup.parse(line);
                return new StatedPlace(written.district(), written.province());
            }
        }
        return new StatedPlace(Optional.empty(), Optional.empty());
    }
}
