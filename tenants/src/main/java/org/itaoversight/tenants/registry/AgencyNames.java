package org.itaoversight.tenants.registry;

import java.util.ArrayList;
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
    private static final Pattern PLACE_FOLLOWS = Pattern.compile("[ \\t\\u00A0]*(?:อำเภอ|อ\\.|เขต|จังหวัด|จ\\.|\\r?\\n|$)");

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

    private final Set<String> places = new java.util.HashSet<>();
    private final AgencyLookup lookup;

    public AgencyNames(AgencyRegistry registry) {
        for (Agency agency : registry.agencies()) {
            if (agency.type() != AgencyType.SPECIAL) {
                places.add(AgencyLookup.placeOf(agency));
            }
        }
        this.lookup = new AgencyLookup(registry);
    }

    /**
     * What matching a name against the registry gave: the agency, or why there is none and, when a person must
     * choose, the candidates.
     */
    public record Match(Optional<Agency> agency, Optional<String> problem, List<Agency> candidates) {

        public Match {
            candidates = List.copyOf(candidates);
        }
    }

    /** {@link #match(List, Optional, Optional)} without a district. */
    public Match match(List<String> names, Optional<String> provinceNameTh) {
        return match(names, Optional.empty(), provinceNameTh);
    }

    /**
     * The one agency the document names, by {@link AgencyLookup}: the first of {@code names} found in the district and
     * province when they are given. Never a guess: a name that fits several agencies, or only agencies that disagree
     * with the document, gives a problem and its candidates; a later name is taken only if it names one of those
     * candidates (the same agency, written better further on).
     */
    public Match match(List<String> names, Optional<String> districtNameTh, Optional<String> provinceNameTh) {
        if (names.isEmpty()) {
            return new Match(Optional.empty(), Optional.of("ไม่พบชื่อหน่วยงาน"), List.of());
        }
        Optional<AgencyLookup.Ambiguous> firstAmbiguous = Optional.empty();
        Optional<String> firstProblem = Optional.empty();
        for (String name : names) {
            AgencyLookup.Result result = lookup.find(new AgencyLookup.Reference(name, districtNameTh, provinceNameTh));
            if (result instanceof AgencyLookup.Found found) {
                if (firstAmbiguous.isPresent() && !firstAmbiguous.get().candidates().contains(found.agency())) {
                    break;
                }
                return new Match(Optional.of(found.agency()), Optional.empty(), List.of());
            }
            if (result instanceof AgencyLookup.Ambiguous ambiguous && firstAmbiguous.isEmpty()) {
                firstAmbiguous = Optional.of(ambiguous);
            }
            if (firstProblem.isEmpty()) {
                firstProblem = result.problemTh();
            }
        }
        Optional<String> problem = firstProblem;
        return new Match(Optional.empty(), firstAmbiguous.map(AgencyLookup.Ambiguous::reasonTh).or(() -> problem),
                firstAmbiguous.map(AgencyLookup.Ambiguous::candidates).orElse(List.of()));
    }

    /**
     * The agencies a text names, by their official names, in order of first mention. A name run into the next word
     * is cut at the longest registry place name (of an agency of any type) it starts with ({@code …ตำบลน้ำผุดให้ความร่วมมือ} → {@code …ตำบลน้ำผุด});
     * a name followed by its district or province (or the end of its line) is taken whole; a name the registry does
     * not know is given as written up to the next space.
     */
    public List<String> mentionedIn(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            AgencyType type = typeOf(matcher.group(1).strip());
            String rest = matcher.group(2);
            // The longest place of the registry, of any type: a document's อบต. may be the registry's เทศบาลตำบล
            // of the same place (then the lookup asks), and must not be cut at a shorter place (ดอนแร่, not ดอน).
            String known = rest;
            // A name followed by its district or province, or ending its line, is whole as written.
            boolean whole = PLACE_FOLLOWS.matcher(text).region(matcher.end(), text.length()).lookingAt();
            for (int end = whole ? 0 : rest.length(); end > 0; end--) {
                if (places.contains(rest.substring(0, end))) {
                    known = rest.substring(0, end);
                    break;
                }
            }
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
