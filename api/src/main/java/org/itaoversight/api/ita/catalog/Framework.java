package org.itaoversight.api.ita.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ITA framework of one or more fiscal years: tools with weights, indicators with question codes.
 *
 * @param questionTexts      the wording of this framework's own questions (OIT items), by code; shared wording is the
 *                           catalog's
 * @param levelIsBandOfTotal whether the published level is simply the band of the total (until 2567); from 2568
 *                           it may differ, so the published level is stored as given
 */
public record Framework(String id, List<Integer> years, String notes, boolean levelIsBandOfTotal, List<Tool> tools,
                        List<Indicator> indicators, Map<String, String> questionTexts) {

    public Framework {
        questionTexts = questionTexts == null ? Map.of() : Map.copyOf(questionTexts);
    }

    public Optional<Indicator> indicator(int number) {
        return indicators.stream().filter(i -> i.number() == number).findFirst();
    }

    public Optional<Indicator> indicatorOfQuestion(String code) {
        String normalized = code.strip().toLowerCase(java.util.Locale.ROOT);
        return indicators.stream().filter(i -> i.questions().contains(normalized)).findFirst();
    }

    public Optional<Tool> tool(String code) {
        return tools.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The indicator with this name or a known synonym, ignoring spaces and invisible characters. */
    public Optional<Indicator> indicatorNamed(String name) {
        String wanted = normalize(name);
        return indicators.stream()
                .filter(i -> normalize(i.nameTh()).equals(wanted) || i.synonyms().stream().map(Framework::normalize).anyMatch(wanted::equals))
                .findFirst();
    }

    static String normalize(String text) {
        return text.replaceAll("[\\s\\u200b\\u200c\\u200d\\ufeff]", "");
    }
}
