package org.itaoversight.tenants.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the agency a document means from what the document says: its name as written (official, abbreviated, with
 * or without dots, broken by spaces: {@code องค์การบริหารส่วนตำบลบางระกำ}, {@code อบต. บางระกำ},
 * {@code องค์การบริหาร ส่วนตำบลบางระกำ}, {@code ทต.ท่าช้าง}, {@code เทศบาลเมืองเลย}), and, when given, its district
 * ({@code อำเภอนครชัยศรี}, {@code อ.นครชัยศรี}, {@code อ.เมือง}) and province ({@code จังหวัดนครปฐม}, {@code จ.นครปฐม},
 * {@code กรุงเทพฯ}).
 *
 * <p>It never guesses: the answer is {@link Found} only when exactly one agency of the registry has that type, that
 * place name and, when given, that district and province. When several do, or when the only agencies of that place
 * disagree with the document (another type, another district or province, a name one letter apart), the answer is
 * {@link Ambiguous} with the candidates for a person to choose from; otherwise {@link NotFound}.
 */
public final class AgencyLookup {

    /** What a document says about its agency. */
    public record Reference(String name, Optional<String> district, Optional<String> province) {

        public Reference {
            name = name == null ? "" : name;
            district = district == null ? Optional.empty() : district.filter(d -> !d.isBlank());
            province = province == null ? Optional.empty() : province.filter(p -> !p.isBlank());
        }

        public static Reference of(String name) {
            return new Reference(name, Optional.empty(), Optional.empty());
        }

        /** Writes the reference back as a Thai phrase for messages. */
        public String describeTh() {
            return compact(name) + district.map(d -> " อำเภอ" + stripDistrict(d)).orElse("")
                    + province.map(p -> " จังหวัด" + stripProvince(p)).orElse("");
        }
    }

    /** The answer: one agency, candidates to choose from, or none. */
    public sealed interface Result {
        /** The one agency, if found. */
        default Optional<Agency> found() {
            return this instanceof Found found ? Optional.of(found.agency()) : Optional.empty();
        }

        /** Why there is no one agency, in Thai; empty when found. */
        Optional<String> problemTh();
    }

    public record Found(Agency agency) implements Result {
        @Override
        public Optional<String> problemTh() {
            return Optional.empty();
        }
    }

    /** Several agencies fit, or the only close ones disagree with the document: a person must choose. */
    public record Ambiguous(List<Agency> candidates, String reasonTh) implements Result {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }

        @Override
        public Optional<String> problemTh() {
            return Optional.of(reasonTh);
        }
    }

    public record NotFound(String reasonTh) implements Result {
        @Override
        public Optional<String> problemTh() {
            return Optional.of(reasonTh);
        }
    }

    private static final Set<AgencyType> MUNICIPAL = EnumSet.of(AgencyType.CITY_MUNICIPALITY,
            AgencyType.TOWN_MUNICIPALITY, AgencyType.SUBDISTRICT_MUNICIPALITY);
    private static final List<Form> FORMS = forms();
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u200B\\u200C\\u200D\\uFEFF]+");
    private static final Pattern THAI_NAME = Pattern.compile("[\\u0E01-\\u0E4E]+");
    private static final Pattern DISTRICT = Pattern.compile("(?:อำเภอ|(?<![\\u0E01-\\u0E4E])อ\\.|(?<![\\u0E01-\\u0E4E])เขต)\\s*"
            + "([\\u0E01-\\u0E4E]+?)(?=จังหวัด|จ\\.|[^\\u0E01-\\u0E4E]|$)");
    private static final Pattern PROVINCE = Pattern.compile("(?<!ส่วน)(?:จังหวัด|(?<![\\u0E01-\\u0E4E])จ\\.)\\s*([\\u0E01-\\u0E4E]+)");

    /** A way of writing an agency type at the start of a name; {@code types} are the types it may mean. */
    private record Form(Pattern pattern, Set<AgencyType> types, int length) {
    }

    private final Collection<Province> provinces;
    private final Map<String, List<Agency>> byPlace = new HashMap<>();

    public AgencyLookup(AgencyRegistry registry) {
        this.provinces = registry.provinces();
        for (Agency agency : registry.agencies()) {
            byPlace.computeIfAbsent(placeOf(agency), p -> new ArrayList<>()).add(agency);
        }
    }

    /**
     * Reads a line such as {@code องค์การบริหารส่วนตำบลบางระกำ อำเภอนครชัยศรี จังหวัดนครปฐม} or
     * {@code อบต.บางระกำ อ.นครชัยศรี จ.นครปฐม} into a reference: the name up to the district or province.
     */
    public static Reference parse(String text) {
        String t = SPACES.matcher(text == null ? "" : text).replaceAll(" ").strip();
        Optional<String> district = Optional.empty();
        Optional<String> province = Optional.empty();
        int nameEnd = t.length();
        int skip = typePrefixLength(t);
        Matcher d = DISTRICT.matcher(t);
        if (d.find(skip)) {
            district = Optional.of(d.group(1));
            nameEnd = Math.min(nameEnd, d.start());
        }
        Matcher p = PROVINCE.matcher(t);
        if (p.find(skip)) {
            province = Optional.of(p.group(1));
            nameEnd = Math.min(nameEnd, p.start());
        }
        // The name is its type and the place written after it; what follows (a score, a year) is not part of it.
        Matcher place = THAI_NAME.matcher(t);
        int start = skip;
        while (start < t.length() && t.charAt(start) == ' ') {
            start++;
        }
        if (place.find(start) && place.start() == start) {
            nameEnd = Math.min(nameEnd, place.end());
        }
        return new Reference(t.substring(0, nameEnd).strip(), district, province);
    }

    public Result find(String text) {
        return find(parse(text));
    }

    public Result find(Reference reference) {
        String written = compact(reference.name());
        Form form = formOf(written);
        String place = written.substring(form.length());
        if (place.isEmpty()) {
            return new NotFound("ไม่พบชื่อหน่วยงาน");
        }
        Optional<Province> province = Optional.empty();
        if (reference.province().isPresent()) {
            String wanted = stripProvince(reference.province().get());
            province = provinces.stream().filter(p -> compact(p.nameTh()).equals(wanted)).findFirst();
            if (province.isEmpty()) {
                return new NotFound("ไม่รู้จักจังหวัด \"" + reference.province().get().strip() + "\" ในทะเบียน");
            }
        }
        Optional<String> provinceCode = province.map(Province::code);
        Optional<String> district = reference.district().map(AgencyLookup::stripDistrict);
        String described = reference.describeTh();

        List<Agency> samePlace = byPlace.getOrDefault(place, List.of());
        List<Agency> exact = samePlace.stream()
                .filter(a -> form.types().contains(a.type()))
                .filter(a -> provinceCode.map(c -> a.provinceCode().equals(c)).orElse(true))
                .filter(a -> district.map(d -> districtMatches(a, d)).orElse(true))
                .toList();
        if (exact.size() == 1) {
            return new Found(exact.getFirst());
        }
        if (exact.size() > 1) {
            return new Ambiguous(sorted(exact), "มีหน่วยงานที่ตรงกับ \"" + described + "\" " + exact.size()
                    + " แห่ง: " + list(exact) + " กรุณาระบุ" + (district.isPresent() ? "หน่วยงาน" : provinceCode.isPresent()
                    ? "อำเภอ" : "อำเภอและจังหวัด") + "ให้ชัดเจน");
        }
        // Nothing fits exactly: show what comes closest, for a person to choose, without choosing.
        List<Agency> otherType = samePlace.stream()
                .filter(a -> !form.types().contains(a.type()))
                .filter(a -> provinceCode.map(c -> a.provinceCode().equals(c)).orElse(true))
                .filter(a -> district.map(d -> districtMatches(a, d)).orElse(true))
                .toList();
        if (!otherType.isEmpty()) {
            return new Ambiguous(sorted(otherType), "ไม่พบ \"" + described + "\" ในทะเบียน แต่พบหน่วยงานประเภทอื่นชื่อเดียวกัน: "
                    + list(otherType) + " กรุณาตรวจสอบว่าเป็นหน่วยงานใด");
        }
        List<Agency> elsewhere = samePlace.stream().filter(a -> form.types().contains(a.type())).toList();
        if (!elsewhere.isEmpty()) {
            return new Ambiguous(sorted(elsewhere), "ไม่พบ \"" + described + "\" ในทะเบียน แต่พบชื่อนี้ในพื้นที่อื่น: "
                    + list(elsewhere) + " กรุณาตรวจสอบอำเภอและจังหวัด");
        }
        List<Agency> similar = byPlace.entrySet().stream()
                .filter(e -> place.length() >= 4 && oneEditApart(place, e.getKey()))
                .flatMap(e -> e.getValue().stream())
                .filter(a -> form.types().contains(a.type()))
                .filter(a -> provinceCode.map(c -> a.provinceCode().equals(c)).orElse(true))
                .filter(a -> district.map(d -> districtMatches(a, d)).orElse(true))
                .toList();
        if (!similar.isEmpty()) {
            return new Ambiguous(sorted(similar), "ไม่พบ \"" + described + "\" ในทะเบียน ชื่อที่ใกล้เคียง: " + list(similar)
                    + " กรุณาตรวจสอบการสะกดชื่อ");
        }
        return new NotFound("ไม่พบ \"" + described + "\" ในทะเบียนหน่วยงาน");
    }

    /** The place part of an agency's name: the name without its type ({@code บางระกำ}); a special form's whole name. */
    static String placeOf(Agency agency) {
        String name = compact(agency.nameTh());
        String prefix = agency.type().nameTh();
        return agency.type() != AgencyType.SPECIAL && name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    private static boolean districtMatches(Agency agency, String district) {
        String actual = compact(agency.districtTh());
        return actual.equals(district) || (district.equals("เมือง") && actual.startsWith("เมือง"));
    }

    private static String compact(String text) {
        return SPACES.matcher(text).replaceAll("");
    }

    private static String stripDistrict(String text) {
        String t = compact(text);
        for (String prefix : List.of("อำเภอ", "อ.", "เขต")) {
            if (t.startsWith(prefix) && t.length() > prefix.length()) {
                return t.substring(prefix.length());
            }
        }
        return t;
    }

    private static String stripProvince(String text) {
        String t = compact(text);
        for (String prefix : List.of("จังหวัด", "จ.")) {
            if (t.startsWith(prefix) && t.length() > prefix.length()) {
                t = t.substring(prefix.length());
                break;
            }
        }
        return switch (t) {
            case "กรุงเทพฯ", "กรุงเทพ", "กทม.", "กทม" -> "กรุงเทพมหานคร";
            default -> t;
        };
    }

    private static int typePrefixLength(String text) {
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(text);
            if (m.lookingAt()) {
                return m.end();
            }
        }
        return 0;
    }

    /** The longest way of writing a type that the (space-free) name starts with; none means any type. */
    private static Form formOf(String compactName) {
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(compactName);
            if (m.lookingAt()) {
                return new Form(form.pattern(), form.types(), m.end());
            }
        }
        return new Form(Pattern.compile(""), EnumSet.allOf(AgencyType.class), 0);
    }

    private static List<Form> forms() {
        List<Form> forms = new ArrayList<>();
        for (AgencyType type : AgencyType.values()) {
            if (type == AgencyType.SPECIAL) {
                continue;
            }
            String abbreviation = type.abbreviationTh().replace(".", "");
            forms.add(form(EnumSet.of(type), type.nameTh()));
            // อบต. อบต อ.บ.ต. — with or without dots.
            forms.add(form(EnumSet.of(type), String.join(".", abbreviation.split("")) + "."));
            forms.add(form(EnumSet.of(type), abbreviation + "."));
            forms.add(form(EnumSet.of(type), abbreviation));
        }
        // Common variants: องค์กรบริหารส่วนตำบล (a frequent slip), and เทศบาล without its kind.
        forms.add(form(EnumSet.of(AgencyType.SUBDISTRICT_ADMINISTRATION), "องค์กรบริหารส่วนตำบล"));
        forms.add(form(EnumSet.of(AgencyType.PROVINCIAL_ADMINISTRATION), "องค์กรบริหารส่วนจังหวัด"));
        forms.add(form(MUNICIPAL, "เทศบาล"));
        forms.sort(Comparator.comparingInt((Form f) -> f.length()).reversed());
        return List.copyOf(forms);
    }

    /** A pattern for {@code written} at the start of a text that allows spaces between its letters. */
    private static Form form(Set<AgencyType> types, String written) {
        String spaced = written.codePoints().mapToObj(Character::toString).map(Pattern::quote)
                .collect(Collectors.joining("\\s*"));
        return new Form(Pattern.compile(spaced + "\\s*"), types, written.length());
    }

    private static boolean oneEditApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int j = 0;
        while (j < Math.min(a.length(), b.length()) - i && a.charAt(a.length() - 1 - j) == b.charAt(b.length() - 1 - j)) {
            j++;
        }
        return a.length() - i - j <= 1 && b.length() - i - j <= 1;
    }

    private static List<Agency> sorted(List<Agency> agencies) {
        return agencies.stream().sorted(Comparator.comparing(Agency::provinceCode).thenComparing(Agency::code)).toList();
    }

    private String list(List<Agency> agencies) {
        return sorted(agencies).stream().limit(10)
                .map(a -> a.shortNameTh() + " (" + a.code() + " อำเภอ" + a.districtTh() + " จังหวัด" + provinceName(a) + ")")
                .collect(Collectors.joining(", ")) + (agencies.size() > 10 ? " และอีก " + (agencies.size() - 10) + " แห่ง" : "");
    }

    private String provinceName(Agency agency) {
        return provinces.stream().filter(p -> p.code().equals(agency.provinceCode())).map(Province::nameTh)
                .findFirst().orElse(agency.provinceCode());
    }
}
