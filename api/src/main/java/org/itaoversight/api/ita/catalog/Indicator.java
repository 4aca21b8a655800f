package org.itaoversight.api.ita.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the ten indicators of a framework year, its tool, Thai name and the names agencies also use for it, and its
 * question codes (given in the catalog as a range such as {@code i1-i6}).
 */
public record Indicator(int number, String tool, String nameTh, List<String> synonyms, List<String> questions) {

    private static final Pattern RANGE = Pattern.compile("([a-z])(\\d+)-\\1(\\d+)");

    @JsonCreator
    static Indicator fromCatalog(@JsonProperty("number") int number, @JsonProperty("tool") String tool,
                                 @JsonProperty("nameTh") String nameTh, @JsonProperty("synonyms") List<String> synonyms,
                                 @JsonProperty("questions") String questions) {
        return new Indicator(number, tool, nameTh, List.copyOf(synonyms), expand(questions));
    }

    static List<String> expand(String range) {
        Matcher matcher = RANGE.matcher(range.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("question range '" + range + "' is not of the form i1-i6");
        }
        List<String> codes = new ArrayList<>();
        for (int i = Integer.parseInt(matcher.group(2)); i <= Integer.parseInt(matcher.group(3)); i++) {
            codes.add(matcher.group(1) + i);
        }
        return List.copyOf(codes);
    }
}
