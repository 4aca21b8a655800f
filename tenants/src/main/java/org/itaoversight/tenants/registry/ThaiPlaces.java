package org.itaoversight.tenants.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The real provinces, districts (อำเภอ) and subdistricts (ตำบล) of Thailand, as the build fetched them from the
 * npm package {@code thai-address-database} (ISC licence) into the resource {@code thai-places.tsv}: one line per
 * province ({@code P code name}), district ({@code D code name}) and subdistrict ({@code S code name postcodes}),
 * tab-separated. Provinces are matched to the platform's code list by their Thai name (the package gives บึงกาฬ
 * another code than the code list's 38). A subdistrict listed twice under one district (once per postcode) is one
 * subdistrict; a district's number is its rank by official code within its province.
 */
public final class ThaiPlaces {

    private static final String BUNDLED = "thai-places.tsv";

    /** A subdistrict (ตำบล/แขวง) of a district; its code may be empty when the source gives none. */
    public record Subdistrict(String code, String nameTh, List<String> postcodes) {
    }

    /** A district (อำเภอ/เขต) of a province, numbered from 1 within it. */
    public record District(String provinceCode, int number, String code, String nameTh, List<Subdistrict> subdistricts) {
    }

    private final Map<String, List<District>> districtsByProvince;

    private ThaiPlaces(Map<String, List<District>> districtsByProvince) {
        this.districtsByProvince = districtsByProvince;
    }

    /** The places bundled with the platform, matched to the given provinces. */
    public static ThaiPlaces bundled(Collection<Province> provinces) {
        try (InputStream in = ThaiPlaces.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the place list " + BUNDLED + " is missing from the classpath: "
                        + "it is fetched at build time by tenants/src/build/fetch-places.sh");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + BUNDLED, provinces);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a place list, keeping the provinces that the code list knows by name.
     *
     * @throws RegistryException naming each line that is malformed or comes before its province or district
     */
    public static ThaiPlaces read(Reader reader, String source, Collection<Province> provinces) {
        Map<String, Province> provinceByName = provinces.stream()
                .collect(Collectors.toMap(Province::nameTh, Function.identity(), (a, b) -> a));
        List<RegistryProblem> problems = new ArrayList<>();
        Map<String, Map<String, DistrictBuilder>> byProvince = new TreeMap<>();
        try (BufferedReader lines = new BufferedReader(reader)) {
            Map<String, DistrictBuilder> province = null;
            DistrictBuilder district = null;
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                String kind = cells[0];
                if (cells.length < 3 || cells[2].isBlank()) {
                    problems.add(new RegistryProblem(source, number, "", "expected a kind, a code and a name"));
                    continue;
                }
                String code = cells[1].strip();
                String name = cells[2].strip();
                switch (kind) {
                    case "P" -> {
                        Province known = provinceByName.get(name);
                        province = known == null ? null : byProvince.computeIfAbsent(known.code(), c -> new LinkedHashMap<>());
                        district = null;
                    }
                    case "D" -> {
                        if (province == null) {
                            district = null;
                            continue;
                        }
                        String key = code.isEmpty() ? name : code;
                        district = province.computeIfAbsent(key, k -> new DistrictBuilder(code, name));
                    }
                    case "S" -> {
                        if (province == null) {
                            continue;
                        }
                        if (district == null) {
                            problems.add(new RegistryProblem(source, number, "", "a subdistrict outside any district"));
                            continue;
                        }
                        district.add(code, name, cells.length > 3 ? List.of(cells[3].strip().split(" +")) : List.of());
                    }
                    default -> problems.add(new RegistryProblem(source, number, "", "unknown kind '" + kind + "'"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new RegistryException(problems);
        }
        Map<String, List<District>> districts = new TreeMap<>();
        byProvince.forEach((provinceCode, builders) -> {
            List<DistrictBuilder> ordered = builders.values().stream()
                    .sorted(Comparator.comparing((DistrictBuilder d) -> d.code.isEmpty() ? "~" : d.code)
                            .thenComparing(d -> d.name))
                    .toList();
            List<District> built = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                built.add(ordered.get(i).build(provinceCode, i + 1));
            }
            districts.put(provinceCode, List.copyOf(built));
        });
        return new ThaiPlaces(java.util.Collections.unmodifiableMap(districts));
    }

    /**
     * The subdistrict at the centre of a district: the one of the district's name, else the first by code among
     * those whose code is the district's, else the first.
     */
    public static Subdistrict centreOf(District district) {
        List<Subdistrict> subdistricts = district.subdistricts();
        return subdistricts.stream().filter(s -> s.nameTh().equals(district.nameTh())).findFirst()
                .or(() -> subdistricts.stream().filter(s -> !district.code().isEmpty() && s.code().startsWith(district.code()))
                        .findFirst())
                .orElse(subdistricts.getFirst());
    }

    /** The districts of a province in number order; empty for a province the place list lacks. */
    public List<District> districtsOf(String provinceCode) {
        return districtsByProvince.getOrDefault(provinceCode, List.of());
    }

    public Optional<District> district(String provinceCode, String districtNameTh) {
        return districtsOf(provinceCode).stream().filter(d -> d.nameTh().equals(districtNameTh)).findFirst();
    }

    public int subdistrictCount(String provinceCode) {
        return districtsOf(provinceCode).stream().mapToInt(d -> d.subdistricts().size()).sum();
    }

    private static final class DistrictBuilder {
        private final String code;
        private final String name;
        private final Map<String, String> codes = new LinkedHashMap<>();
        private final Map<String, Set<String>> postcodes = new LinkedHashMap<>();

        DistrictBuilder(String code, String name) {
            this.code = code;
            this.name = name;
        }

        void add(String subdistrictCode, String subdistrictName, List<String> subdistrictPostcodes) {
            codes.merge(subdistrictName, subdistrictCode, (a, b) -> a.isEmpty() ? b : a);
            postcodes.computeIfAbsent(subdistrictName, n -> new LinkedHashSet<>()).addAll(subdistrictPostcodes);
        }

        District build(String provinceCode, int number) {
            List<Subdistrict> subdistricts = codes.entrySet().stream()
                    .map(e -> new Subdistrict(e.getValue(), e.getKey(), List.copyOf(postcodes.get(e.getKey()))))
                    .sorted(Comparator.comparing((Subdistrict s) -> s.code().isEmpty() ? "~" : s.code())
                            .thenComparing(Subdistrict::nameTh))
                    .toList();
            return new District(provinceCode, number, code, name, subdistricts);
        }
    }
}
