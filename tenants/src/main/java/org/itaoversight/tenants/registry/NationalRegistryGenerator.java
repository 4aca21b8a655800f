package org.itaoversight.tenants.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Generates a realistic national registry of local administrative organizations, since no official list is
 * reachable: every province of the code list, ~7,850 agencies in the real proportions by type (76 อบจ., 30
 * เทศบาลนคร, 195 เทศบาลเมือง, 2,247 เทศบาลตำบล, ~5,300 อบต., 2 special forms), spread over provinces by their
 * number of districts (the north-east has more subdistricts per district), so that the largest province
 * (นครราชสีมา) has ~330. The given fixed agencies (e.g. those of the sample documents) are kept as they are and
 * count towards the totals. The same seed always yields the same registry.
 */
public final class NationalRegistryGenerator {

    public static final int CITY_MUNICIPALITIES = 30;
    public static final int TOWN_MUNICIPALITIES = 195;
    public static final int SUBDISTRICT_MUNICIPALITIES = 2_247;
    public static final int SUBDISTRICT_ADMINISTRATIONS = 5_300;

    private static final String BANGKOK = "10";
    private static final String CHON_BURI = "20";

    private static final List<String> PLACE_HEADS = List.of(
            "บ้าน", "หนอง", "นา", "โนน", "ดอน", "ห้วย", "บาง", "ท่า", "วัง", "โพธิ์", "สระ", "หัว", "ทุ่ง", "เขา",
            "คลอง", "แม่", "ป่า", "ไผ่", "สวน", "ตาล", "โคก", "บึง", "ลำ", "ศรี", "ไทร", "กุด", "นาง", "ดง", "เมือง",
            "ท่าช้าง", "หนองบัว", "นาดี", "ดอนแก้ว", "สันติ", "พระ", "บ่อ", "ละหาร", "ควน", "ปาก", "เกาะ");
    private static final List<String> PLACE_TAILS = List.of(
            "ใหญ่", "น้อย", "ทอง", "แดง", "ขาม", "ยาง", "กลาง", "ใต้", "เหนือ", "งาม", "สูง", "หลวง", "ใหม่", "เก่า",
            "ดู่", "แก้ว", "เจริญ", "สมบูรณ์", "พัฒนา", "ทราย", "ไร่", "ตะเคียน", "โพธิ์", "ขี้เหล็ก", "มะม่วง",
            "สะแก", "จันทร์", "คำ", "บัว", "ทอง", "ศรี", "สุข", "เสือ", "ช้าง", "หิน", "ลาด", "มูล", "ชัย", "นคร",
            "ประดู่", "กระทุ่ม", "ม่วง", "ยาว");

    private final long seed;

    public NationalRegistryGenerator(long seed) {
        this.seed = seed;
    }

    public AgencyRegistry generate(Collection<Province> provinces, Collection<Agency> fixedAgencies) {
        Random random = new Random(seed);
        List<Province> ordered = provinces.stream().sorted(Comparator.comparing(Province::code)).toList();
        List<Province> local = ordered.stream().filter(p -> !p.code().equals(BANGKOK)).toList();

        Map<AgencyType, Map<String, Integer>> quota = new HashMap<>();
        Map<String, Integer> localTotal = allocate(local,
                CITY_MUNICIPALITIES + TOWN_MUNICIPALITIES + SUBDISTRICT_MUNICIPALITIES + SUBDISTRICT_ADMINISTRATIONS);
        // City municipalities go to the largest provinces, one each; every other province gets a town municipality
        // for its capital, and the remaining towns follow size.
        List<Province> bySize = local.stream()
                .sorted(Comparator.comparingDouble(NationalRegistryGenerator::weight).reversed()
                        .thenComparing(Province::code))
                .toList();
        Set<String> withCity = bySize.stream().limit(CITY_MUNICIPALITIES).map(Province::code).collect(Collectors.toSet());
        Map<String, Integer> cities = new HashMap<>();
        Map<String, Integer> towns = new HashMap<>();
        local.forEach(p -> {
            cities.put(p.code(), withCity.contains(p.code()) ? 1 : 0);
            towns.put(p.code(), withCity.contains(p.code()) ? 0 : 1);
        });
        int townsLeft = TOWN_MUNICIPALITIES - (local.size() - withCity.size());
        allocate(local, townsLeft).forEach((code, n) -> towns.merge(code, n, Integer::sum));
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
        Set<String> fixedNames = fixedAgencies.stream().map(Agency::nameTh).collect(Collectors.toSet());

        for (Province province : ordered) {
            List<String> districts = districtsOf(province, fixedAgencies, random);
            Set<String> usedPlaces = new HashSet<>();
            fixedNames.forEach(usedPlaces::add);
            if (province.code().equals(BANGKOK)) {
                agencies.add(agency(usedCodes, AgencyType.SPECIAL, province, 1, province.nameTh(), districts.getFirst()));
                continue;
            }
            if (province.code().equals(CHON_BURI)) {
                agencies.add(agency(usedCodes, AgencyType.SPECIAL, province, 2, "เมืองพัทยา", districts.get(1 % districts.size())));
            }
            agencies.add(agency(usedCodes, AgencyType.PROVINCIAL_ADMINISTRATION, province, 1,
                    AgencyType.PROVINCIAL_ADMINISTRATION.nameTh() + province.nameTh(), "เมือง" + province.nameTh()));
            for (AgencyType type : List.of(AgencyType.CITY_MUNICIPALITY, AgencyType.TOWN_MUNICIPALITY,
                    AgencyType.SUBDISTRICT_MUNICIPALITY, AgencyType.SUBDISTRICT_ADMINISTRATION)) {
                int count = quota.get(type).getOrDefault(province.code(), 0);
                for (int i = 0; i < count; i++) {
                    boolean capital = i == 0 && (type == AgencyType.CITY_MUNICIPALITY || type == AgencyType.TOWN_MUNICIPALITY);
                    int districtIndex = capital ? 0 : random.nextInt(districts.size());
                    String place = capital ? province.nameTh() : uniquePlace(random, usedPlaces, type);
                    agencies.add(agency(usedCodes, type, province, districtIndex + 1, type.nameTh() + place,
                            districts.get(districtIndex)));
                }
            }
        }
        return AgencyRegistry.of(provinces, agencies);
    }

    private static double weight(Province province) {
        double regional = switch (province.region()) {
            case NORTHEAST -> 1.25;
            case NORTH -> 1.0;
            case CENTRAL -> 0.95;
            case EAST, WEST -> 0.9;
            case SOUTH -> 0.85;
        };
        return province.districtCount() * regional;
    }

    /** Largest-remainder apportionment of {@code total} over provinces by weight. */
    private static Map<String, Integer> allocate(List<Province> provinces, int total) {
        double sum = provinces.stream().mapToDouble(NationalRegistryGenerator::weight).sum();
        Map<String, Integer> shares = new HashMap<>();
        Map<String, Double> remainders = new HashMap<>();
        int given = 0;
        for (Province p : provinces) {
            double exact = total * weight(p) / sum;
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

    private static List<String> districtsOf(Province province, Collection<Agency> fixed, Random random) {
        Set<String> names = new LinkedHashSet<>();
        names.add("เมือง" + province.nameTh());
        fixed.stream().filter(a -> a.provinceCode().equals(province.code())).map(Agency::districtTh).forEach(names::add);
        while (names.size() < province.districtCount()) {
            names.add(PLACE_HEADS.get(random.nextInt(PLACE_HEADS.size())) + PLACE_TAILS.get(random.nextInt(PLACE_TAILS.size())));
        }
        return List.copyOf(names);
    }

    private static String uniquePlace(Random random, Set<String> used, AgencyType type) {
        while (true) {
            String place = PLACE_HEADS.get(random.nextInt(PLACE_HEADS.size())) + PLACE_TAILS.get(random.nextInt(PLACE_TAILS.size()));
            if (used.add(place) && used.add(type.nameTh() + place)) {
                return place;
            }
            if (used.size() > PLACE_HEADS.size() * PLACE_TAILS.size()) {
                // Names are exhausted in a very large province: number them, as real registries do for homonyms.
                String numbered = place + " " + used.size();
                used.add(numbered);
                return numbered;
            }
        }
    }

    /** Codes follow type digit + province + district (2 digits) + sequence (2 digits), skipping codes in use. */
    private static Agency agency(Set<String> usedCodes, AgencyType type, Province province, int district,
                                 String name, String districtName) {
        for (int sequence = 1; ; sequence++) {
            String code = "%c%s%02d%02d".formatted(type.codeDigit(), province.code(), district % 100,
                    sequence % 100) + (sequence >= 100 ? String.valueOf(sequence / 100) : "");
            if (usedCodes.add(code)) {
                return new Agency(code, name, type, province.code(), districtName);
            }
        }
    }
}
