package org.itaoversight.tenants.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agencies as documents name them: the official name ({@code องค์การบริหารส่วนตำบลถ้ำรงค์}) or its abbreviation
 * ({@code อบต.น้ำผุด}, {@code ทต.…}), often run into the next word because Thai has no spaces between words.
 */
public final class AgencyNames {

    private static final Pattern MENTION;

    static {
        StringBuilder forms = new StringBuilder();
        for (AgencyType type : AgencyType.values()) {
            if (type == AgencyType.SPECIAL) {
                continue;
            }
            forms.append(forms.isEmpty() ? "" : "|").append(Pattern.quote(type.nameTh()))
                    .append('|').append(Pattern.quote(type.abbreviationTh())).append("\\s?");
        }
        MENTION = Pattern.compile("(" + forms + ")([\\u0E01-\\u0E4E]+)");
    }

    private final AgencyRegistry registry;

    public AgencyNames(AgencyRegistry registry) {
        this.registry = registry;
    }

    /** What matching a name against the registry gave: the agency, or why there is none. */
    public record Match(Optional<Agency> agency, Optional<String> problem) {
    }

    /**
     * The one agency named by the first of {@code names} that the registry knows, within the province when it is
     * named.
     */
    public Match match(List<String> names, Optional<String> provinceNameTh) {
        if (names.isEmpty()) {
            return new Match(Optional.empty(), Optional.of("ไม่พบชื่อหน่วยงาน"));
        }
        Optional<Province> province = provinceNameTh.flatMap(p -> registry.provinces().stream()
                .filter(candidate -> candidate.nameTh().equals(p)).findFirst());
        List<Agency> candidates = province.map(p -> registry.agenciesOf(p.code())).orElseGet(() -> List.copyOf(registry.agencies()));
        for (String name : names) {
            List<Agency> matches = candidates.stream().filter(a -> a.nameTh().equals(name)).toList();
            if (matches.size() == 1) {
                return new Match(Optional.of(matches.getFirst()), Optional.empty());
            }
            if (matches.size() > 1) {
                return new Match(Optional.empty(),
                        Optional.of("มีหน่วยงานชื่อ" + name + " " + matches.size() + " แห่ง กรุณาระบุจังหวัดในเอกสาร"));
            }
        }
        return new Match(Optional.empty(), Optional.of("ไม่พบ" + names.getFirst()
                + province.map(p -> " (จังหวัด" + p.nameTh() + ")").orElse("") + " ในทะเบียน"));
    }

    /**
     * The agencies a text names, by their official names, in order of first mention. A name run into the next word
     * is cut at the longest registry name it starts with ({@code …ตำบลน้ำผุดให้ความร่วมมือ} → {@code …ตำบลน้ำผุด});
     * a name the registry does not know is given as written up to the next space.
     */
    public List<String> mentionedIn(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            AgencyType type = typeOf(matcher.group(1).strip());
            String rest = matcher.group(2);
            String known = registry.agencies().stream()
                    .filter(a -> a.type() == type)
                    .map(a -> a.nameTh().substring(type.nameTh().length()))
                    .filter(rest::startsWith)
                    .max(Comparator.comparingInt(String::length))
                    .orElse(rest);
            names.add(type.nameTh() + known);
        }
        return new ArrayList<>(names);
    }

    private static AgencyType typeOf(String form) {
        for (AgencyType type : AgencyType.values()) {
            if (type.nameTh().equals(form) || type.abbreviationTh().equals(form)) {
                return type;
            }
        }
        throw new IllegalStateException("not an agency form: " + form);
    }
}
