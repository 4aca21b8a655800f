package org.itaoversight.api.documents;

import java.util.List;
import java.util.Optional;
import org.itaoversight.tenants.registry.AgencyNames;
import org.itaoversight.tenants.registry.AgencyRegistry;

/** Finds agencies by name in a registry snapshot, within the province when one is named ({@link AgencyNames}). */
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
        return names.match(agencyNames, provinceTh);
    }
}
