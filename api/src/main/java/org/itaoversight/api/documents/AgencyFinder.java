package org.itaoversight.api.documents;

import java.util.List;
import java.util.Optional;
import org.itaoversight.tenants.registry.AgencyNames;

/**
 * How a document's agency is found in the registry: the one place that knows, so that a better lookup (by name,
 * district and province) replaces it without touching the document readers.
 */
public interface AgencyFinder {

    /** The agency names a text mentions (official form), in order of first mention. */
    List<String> namesIn(String text);

    /** The agency the names designate, within the district and province when the document gives them. */
    AgencyNames.Match find(List<String> names, Optional<String> districtTh, Optional<String> provinceTh);
}
