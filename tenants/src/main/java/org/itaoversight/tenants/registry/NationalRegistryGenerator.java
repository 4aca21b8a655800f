package org.itaoversight.tenants.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Generates a demo national registry of local administrative organizations on the real map of Thailand, since no
 * official list is reachable: every province of the code list, its real districts and subdistricts
 * ({@link ThaiPlaces}), and ~7,850 agencies in the real proportions by type (76 อบจ., 30 เทศบาลนคร, 195
 * เทศบาลเมือง, 2,247 เทศบาลตำบล, 5,300 อบต., 2 special forms) spread over provinces by their number of
 * subdistricts. Each agency sits in a real district and is named after its real place: the อบจ. after its province,
 * the เทศบาลนคร or เทศบาลเมือง of the capital after the province, the other เทศบาลเมือง after their district,
 * the เทศบาลตำบล and อบต. after their subdistrict. Every subdistrict has at least one agency; where a province has
 * more agencies than subdistricts, some subdistricts have both a เทศบาลตำบล and an อบต. of the same name, as in
 * reality. <b>Which type an agency has is assigned by the generator, not official.</b>
 *
 * <p>The given fixed agencies (those of the sample documents) are kept as they are, count towards the totals and take
 * the place their name and district give. Codes follow type digit + province + district number (2 digits, see
 * {@link ThaiPlaces.District#number()}) + sequence (2 digits); they are this platform's codes, not official ones.
 * The same seed always yields the same registry.
 */
public final class NationalRegistryGenerator {

    public static final int CITY_MUNICIPALITIES = 30;
    public static final int TOWN_MUNICIPALITIES = 195;
    public static final int SUBDISTRICT_MUNICIPALITIES = 2_247;
    public static final int SUBDISTRICT_ADMINISTRATIONS = 5_300;

    private static final String BANGKOK = "10";
    private static final String CHON_BURI = "20";
    private static final String PATTAYA_DISTRICT = "บางละมุง";

    private final long seed;

    public NationalRegistryGenerator(long seed) {
        this.seed = seed;
    }

    /** The registry on the bundled places of Thailand. */
    public AgencyRegistry generate(Collection<Province> provinces, Collection<Agency> fixedAgencies) {
        return generate(provinces, ThaiPlaces.bundled(provinces), fixedAgencies);
    }

    public AgencyRegistry generate(Collection<Province> provinces, ThaiPlaces places, Collection<Agency> fixedAgencies) {
        Random random = new Random(seed);
        List<Province> ordered = provinces.stream().sorted(Comparator.comparing(Province::code)).toList();
        for (Province province : ordered) {
            if (places.districtsOf(province.code()).isEmpty()) {
                throw new IllegalArgumentException("the place list has no district for province " + province.code()
                        + " " + province.nameTh());
            }
        }
        List<Province> local = ordered.stream().filter(p -> !p.code().equals(BANGKOK)).toList();
        Map<String, Double> weights = local.stream()
                .collect(Collectors.toMap(Province::code, p -> (double) places.subdistrictCount(p.code())));

        Map<String, Integer> localTotal = allocate(local, weights,
                CITY_MUNICIPALITIES + TOWN_MUNICIPALITIES + SUBDISTRICT_MUNICIPALITIES + SUBDISTRICT_ADMINISTRATIONS);
        // City municipalities go to the largest provinces, one each; every other province gets a town municipality
        // for its capital, and the remaining towns follow size.
        List<Province> bySize = local.stream()
                .sorted(Comparator.comparingDouble((Province p) -> weights.get(p.code())).reversed()
                        .thenComparing(Province::code))
                .toList();
        Set<String> withCity = bySize.stream().limit(CITY_MUNICIPALITIES).map(Province::code).collect(Collectors.toSet());
        Map<AgencyType, Map<String, Integer>> quota = new HashMap<>();
        Map<String, Integer> cities = new HashMap<>();
        Map<String, Integer> towns = new HashMap<>();
        local.forEach(p -> {
            cities.put(p.code(), withCity.contains(p.code()) ? 1 : 0);
            towns.put(p.code(), withCity.contains(p.code()) ? 0 : 1);
        });
        int townsLeft = TOWN_MUNICIPALITIES - (local.size() - withCity.size());
        allocate(local, weights, townsLeft).forEach((code, n) -> towns.merge(code, n, Integer::sum));
        Map<String, Integer> subdistrictMunicipalities = new HashMap<>();
        Map<String, Integer> subdistrictAdministrations = new HashMap<>();
        double municipalShare = (double) SUBDISTRICT_MUNICIPALITIES / (SUBDISTRICT_MUNICIPALITIES + SUBDISTRICT_ADMINISTRATIONS);
        for (Province p : local) {
            int rest = Math.max(0, localTotal.get(p.code()) - cities.get(p.code()) - towns.get(p.code()));
            int municipal = (int) Math.round(rest * municipalShare);
            subdistrictMunicipalities.put(p.code(), municipal);
            subdistrictAdministrations.put(p.code(), rest - municipal);
        }
        quota.put(AgencyType.CITY_MUNICIPALITY, cities);
        quota.put(AgencyType.TOWN_MUNICIPALITY, towns);
        quota.put(AgencyType.SUBDISTRICT_MUNICIPALITY, subdistrictMunicipalities);
        quota.put(AgencyType.SUBDISTRICT_ADMINISTRATION, subdistrictAdministrations);

        Set<String> usedCodes = new HashSet<>();
        List<Agency> agencies = new ArrayList<>();
        for (Agency fixed : fixedAgencies) {
            usedCodes.add(fixed.code());
            agencies.add(fixed);
            Map<String, Integer> byProvince = quota.get(fixed.type());
            if (byProvince != null) {
                byProvince.computeIfPresent(fixed.provinceCode(), (code, n) -> Math.max(0, n - 1));
            }
        }

        for (Province province : ordered) {
            ProvinceLayout layout = new ProvinceLayout(province, places.districtsOf(province.code()), usedCodes, agencies);
            fixedAgencies.stream().filter(a -> a.provinceCode().equals(province.code())).forEach(layout::occupy);
            if (province.code().equals(BANGKOK)) {
                layout.add(AgencyType.SPECIAL, province.nameTh(), layout.districts.getFirst());
                continue;
            }
            if (province.code().equals(CHON_BURI)) {
                layout.add(AgencyType.SPECIAL, "เมืองพัทยา", layout.district(PATTAYA_DISTRICT).orElse(layout.capital));
            }
            layout.add(AgencyType.PROVINCIAL_ADMINISTRATION, AgencyType.PROVINCIAL_ADMINISTRATION.nameTh() + province.nameTh(),
                    layout.capital);
            layout.placeMunicipalities(quota.get(AgencyType.CITY_MUNICIPALITY).get(province.code()),
                    quota.get(AgencyType.TOWN_MUNICIPALITY).get(province.code()), random);
            layout.placeSubdistrictAgencies(quota.get(AgencyType.SUBDISTRICT_MUNICIPALITY).get(province.code()),
                    quota.get(AgencyType.SUBDISTRICT_ADMINISTRATION).get(province.code()), random);
        }
        return AgencyRegistry.of(provinces, agencies);
    }

    /** A subdistrict of a district: where a เทศบาลตำบล or an อบต. sits. */
    private record Spot(ThaiPlaces.District district, ThaiPlaces.Subdistrict subdistrict) {
    }

    /** One province's districts and subdistricts while agencies are placed on them. */
    private static final class ProvinceLayout {
        private final Province province;
        private final List<ThaiPlaces.District> districts;
        private final ThaiPlaces.District capital;
        private final Set<String> usedCodes;
        private final List<Agency> agencies;
        /** Subdistricts (district number + name) that already have a local agency. */
        private final Set<String> covered = new HashSet<>();
        /** Names in use, per district and type. */
        private final Set<String> names = new HashSet<>();

        ProvinceLayout(Province province, List<ThaiPlaces.District> districts, Set<String> usedCodes, List<Agency> agencies) {
            this.province = province;
            this.districts = districts;
            this.usedCodes = usedCodes;
            this.agencies = agencies;
            this.capital = district("เมือง" + province.nameTh())
                    .or(() -> district(province.nameTh()))
                    .orElse(districts.getFirst());
        }

        Optional<ThaiPlaces.District> district(String nameTh) {
            return districts.stream().filter(d -> d.nameTh().equals(nameTh)).findFirst();
        }

        /** Marks the subdistrict a fixed agency names, in its district, as having its agency. */
        void occupy(Agency fixed) {
            names.add(fixed.districtTh() + "|" + fixed.nameTh());
            if (fixed.type() == AgencyType.SUBDISTRICT_ADMINISTRATION || fixed.type() == AgencyType.SUBDISTRICT_MUNICIPALITY) {
                String place = fixed.nameTh().substring(fixed.type().nameTh().length());
                district(fixed.districtTh()).ifPresent(d -> covered.add(d.number() + "|" + place));
            }
        }

        void placeMunicipalities(int cities, int towns, Random random) {
            ThaiPlaces.Subdistrict centre = ThaiPlaces.centreOf(capital);
            if (cities > 0) {
                add(AgencyType.CITY_MUNICIPALITY, AgencyType.CITY_MUNICIPALITY.nameTh() + province.nameTh(), capital);
            } else if (towns > 0) {
                add(AgencyType.TOWN_MUNICIPALITY, AgencyType.TOWN_MUNICIPALITY.nameTh() + province.nameTh(), capital);
                towns--;
            }
            covered.add(capital.number() + "|" + centre.nameTh());
            List<ThaiPlaces.District> others = new ArrayList<>(districts);
            others.remove(capital);
            Collections.shuffle(others, random);
            for (int i = 0; i < towns; i++) {
                // A town is the centre of its district, named after the district; if districts run out, after a
                // subdistrict of the capital.
                if (i < others.size()) {
                    ThaiPlaces.District district = others.get(i);
                    add(AgencyType.TOWN_MUNICIPALITY, AgencyType.TOWN_MUNICIPALITY.nameTh() + district.nameTh(), district);
                    covered.add(district.number() + "|" + ThaiPlaces.centreOf(district).nameTh());
                } else {
                    ThaiPlaces.Subdistrict subdistrict = capital.subdistricts()
                            .get(Math.min(1 + i - others.size(), capital.subdistricts().size() - 1));
                    add(AgencyType.TOWN_MUNICIPALITY, AgencyType.TOWN_MUNICIPALITY.nameTh() + subdistrict.nameTh(), capital);
                    covered.add(capital.number() + "|" + subdistrict.nameTh());
                }
            }
        }

        /**
         * Gives every subdistrict without an agency one เทศบาลตำบล or อบต.; when there are more agencies than such
         * subdistricts, the extra ones make pairs (a เทศบาลตำบล and an อบต. of the same subdistrict).
         */
        void placeSubdistrictAgencies(int municipalities, int administrations, Random random) {
            List<Spot> open = new ArrayList<>();
            for (ThaiPlaces.District district : districts) {
                for (ThaiPlaces.Subdistrict subdistrict : district.subdistricts()) {
                    if (!covered.contains(district.number() + "|" + subdistrict.nameTh())) {
                        open.add(new Spot(district, subdistrict));
                    }
                }
            }
            Collections.shuffle(open, random);
            int total = municipalities + administrations;
            int pairs = Math.max(0, Math.min(Math.min(total - open.size(), open.size()),
                    Math.min(municipalities, administrations)));
            int spot = 0;
            for (; spot < pairs; spot++) {
                addAt(AgencyType.SUBDISTRICT_MUNICIPALITY, open.get(spot));
                addAt(AgencyType.SUBDISTRICT_ADMINISTRATION, open.get(spot));
            }
            municipalities -= pairs;
            administrations -= pairs;
            for (; spot < open.size() && municipalities + administrations > 0; spot++) {
                if (municipalities > 0) {
                    addAt(AgencyType.SUBDISTRICT_MUNICIPALITY, open.get(spot));
                    municipalities--;
                } else {
                    addAt(AgencyType.SUBDISTRICT_ADMINISTRATION, open.get(spot));
                    administrations--;
                }
            }
        }

        private void addAt(AgencyType type, Spot spot) {
            add(type, type.nameTh() + spot.subdistrict().nameTh(), spot.district());
        }

        void add(AgencyType type, String name, ThaiPlaces.District district) {
            if (!names.add(district.nameTh() + "|" + name)) {
                return;
            }
            for (int sequence = 1; ; sequence++) {
                String code = "%c%s%02d%02d".formatted(type.codeDigit(), province.code(), district.number() % 100,
                        sequence % 100) + (sequence >= 100 ? String.valueOf(sequence / 100) : "");
                if (usedCodes.add(code)) {
                    agencies.add(new Agency(code, name, type, province.code(), district.nameTh()));
                    return;
                }
            }
        }
    }

    /** Largest-remainder apportionment of {@code total} over provinces by weight. */
    private static Map<String, Integer> allocate(List<Province> provinces, Map<String, Double> weights, int total) {
        double sum = provinces.stream().mapToDouble(p -> weights.get(p.code())).sum();
        Map<String, Integer> shares = new HashMap<>();
        Map<String, Double> remainders = new HashMap<>();
        int given = 0;
        for (Province p : provinces) {
            double exact = total * weights.get(p.code()) / sum;
            int floor = (int) Math.floor(exact);
            shares.put(p.code(), floor);
            remainders.put(p.code(), exact - floor);
            given += floor;
        }
        List<String> byRemainder = provinces.stream().map(Province::code)
                .sorted(Comparator.comparing((String code) -> remainders.get(code)).reversed().thenComparing(code -> code))
                .toList();
        for (int i = 0; i < total - given; i++) {
            shares.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
        }
        return shares;
    }
}
