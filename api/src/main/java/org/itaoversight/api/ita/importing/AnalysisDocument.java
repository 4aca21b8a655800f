package org.itaoversight.api.ita.importing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What an agency's own analysis of its ITA result (การวิเคราะห์ผลการประเมิน…) says, as far as it could be read.
 * Nothing is invented: what could not be read is absent and explained in {@code warnings}.
 *
 * @param agencyCode         the registry code of the agency, when the document's agency was found in the registry
 * @param computedTotal      the total computed from the indicator scores (when all ten were read)
 * @param unmappedIndicators indicator names of the document that match no indicator of the year's catalog
 */
public record AnalysisDocument(String source, String encoding, Optional<String> agencyCode, Optional<String> agencyNameTh,
                               Optional<String> provinceNameTh, Optional<String> districtTh, Optional<Integer> fiscalYear,
                               Optional<BigDecimal> total, Optional<String> level, Optional<BigDecimal> computedTotal,
                               List<IndicatorScoreLine> indicators, List<String> unmappedIndicators,
                               List<QuestionScoreLine> weakestQuestions, List<String> warnings) {

    /** An indicator score as the document prints it, mapped to the catalog's indicator. */
    public record IndicatorScoreLine(int number, String nameTh, String documentName, BigDecimal score) {
    }

    /** A question score as the document prints it. */
    public record QuestionScoreLine(String code, Optional<Integer> indicator, String text, BigDecimal score) {
    }

    /**
     * What the document publishes as result files in the documented layouts, so that it is checked and loaded like
     * any other result file: the agency-year (total, level, indicator scores) and its weakest questions.
     *
     * @throws IllegalStateException when the agency, the year or the total could not be read
     */
    public String toWideCsv() {
        String agency = agencyCode.orElseThrow(() -> new IllegalStateException("the document's agency is not in the registry"));
        int year = fiscalYear.orElseThrow(() -> new IllegalStateException("the document names no fiscal year"));
        BigDecimal published = total.orElseThrow(() -> new IllegalStateException("the document gives no total"));
        StringBuilder csv = new StringBuilder("agency_code,fiscal_year,total,level");
        indicators.forEach(i -> csv.append(",indicator_").append(i.number()));
        csv.append('\n').append(agency).append(',').append(year).append(',').append(published.toPlainString()).append(',')
                .append(level.orElse(""));
        indicators.forEach(i -> csv.append(',').append(i.score().toPlainString()));
        return csv.append('\n').toString();
    }

    public String toLongCsv() {
        String agency = agencyCode.orElseThrow(() -> new IllegalStateException("the document's agency is not in the registry"));
        int year = fiscalYear.orElseThrow(() -> new IllegalStateException("the document names no fiscal year"));
        StringBuilder csv = new StringBuilder("agency_code,fiscal_year,code,score\n");
        weakestQuestions.forEach(q -> csv.append(agency).append(',').append(year).append(',').append(q.code()).append(',')
                .append(q.score().toPlainString()).append('\n'));
        return csv.toString();
    }
}
