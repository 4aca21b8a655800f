package org.itaoversight.api.documents;

import java.util.List;
import java.util.Optional;
import org.itaoversight.tenants.registry.AgencyNames;
import org.itaoversight.tenants.registry.AgencyRegistry;

/**
 * Finds agencies in a registry snapshot by their place: the name as the document writes it, within the district and
 * province when the document gives them ({@link AgencyNames}, {@link org.itaoversight.tenants.registry.AgencyLookup}).
 * Found, ambiguous (with the candidates: it asks, never guesses) or not found.
 */
public final class RegistryAgencyFinder implements AgencyFinder {

    private final AgencyNames names;

    public RegistryAgencyFinder(AgencyRegistry registry) {
        this.names = new AgencyNames(registry);
    }

    @Override
    public List<String> namesIn(String text) {
        return names.mentionedIn(text);
    }

    @Override
    public AgencyNames.Match find(List<String> agencyNames, Optional<String> districtTh, Optional<String> provinceTh) {
        return names.match(agencyNames, districtTh, provinceTh);
    }
}
