package org.itaoversight.tenants.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who is who: every province and every agency (tenant), immutable and consistent — agency codes are unique and
 * every agency belongs to a known province.
 */
public final class AgencyRegistry implements AgencyDirectory {

    private final Map<String, Province> provinces;
    private final Map<String, Agency> agencies;
    private final Map<String, List<Agency>> agenciesByProvince;

    private AgencyRegistry(Map<String, Province> provinces, Map<String, Agency> agencies) {
        this.provinces = provinces;
        this.agencies = agencies;
        Map<String, List<Agency>> byProvince = new TreeMap<>();
        provinces.keySet().forEach(code -> byProvince.put(code, new ArrayList<>()));
        agencies.values().forEach(agency -> byProvince.get(agency.provinceCode()).add(agency));
        byProvince.replaceAll((code, list) -> List.copyOf(list));
        this.agenciesByProvince = byProvince;
    }

    /**
     * Builds a registry, checking it as a whole.
     *
     * @throws RegistryException listing every duplicate code and every agency of an unknown province
     */
    public static AgencyRegistry of(Collection<Province> provinces, Collection<Agency> agencies) {
        List<RegistryProblem> problems = new ArrayList<>();
        Map<String, Province> provinceByCode = new TreeMap<>();
        for (Province province : provinces) {
            if (provinceByCode.putIfAbsent(province.code(), province) != null) {
                problems.add(new RegistryProblem("registry", 0, "code", "province code " + province.code() + " appears twice"));
            }
        }
        Map<String, Agency> agencyByCode = new LinkedHashMap<>();
        agencies.stream()
                .sorted(Comparator.comparing(Agency::provinceCode).thenComparing(Agency::code))
                .forEach(agency -> {
                    if (agencyByCode.putIfAbsent(agency.code(), agency) != null) {
                        problems.add(new RegistryProblem("registry", 0, "code", "agency code " + agency.code() + " appears twice"));
                    }
                    if (!provinceByCode.containsKey(agency.provinceCode())) {
                        problems.add(new RegistryProblem("registry", 0, "province_code",
                                "agency " + agency.code() + " names unknown province " + agency.provinceCode()));
                    }
                });
        if (!problems.isEmpty()) {
            throw new RegistryException(problems);
        }
        return new AgencyRegistry(java.util.Collections.unmodifiableMap(provinceByCode),
                java.util.Collections.unmodifiableMap(agencyByCode));
    }

    /** Provinces in code order. */
    public Collection<Province> provinces() {
        return provinces.values();
    }

    /** Agencies ordered by province, then code. */
    public Collection<Agency> agencies() {
        return agencies.values();
    }

    public Optional<Province> province(String code) {
        return Optional.ofNullable(provinces.get(code));
    }

    @Override
    public Optional<Agency> agency(String code) {
        return Optional.ofNullable(agencies.get(code));
    }

    /** The agencies of a province in code order; empty for an unknown province. */
    public List<Agency> agenciesOf(String provinceCode) {
        return agenciesByProvince.getOrDefault(provinceCode, List.of());
    }

    public int agencyCount() {
        return agencies.size();
    }
}
