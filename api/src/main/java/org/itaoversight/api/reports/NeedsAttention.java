package org.itaoversight.api.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.measures.MeasureDao;

/**
 * The rule of which agencies of a province need attention: a total under the pass mark, and either no measure in the
 * platform or fewer than half of the planned ones done. Used by the province report and served to the dashboard.
 */
public final class NeedsAttention {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** An agency that needs attention, with why (in Thai). */
    public record Agency(String agencyCode, String nameTh, BigDecimal total, Optional<BigDecimal> completionRate,
                         String reasonTh) {
    }

    private NeedsAttention() {
    }

    /**
     * The agencies of a ranking that need attention, weakest first.
     *
     * @param ranking    the province's ranking (best first)
     * @param completion each agency's measure completion, by agency code
     */
    public static List<Agency> of(List<AnalyticsDao.RankingRow> ranking, Map<String, MeasureDao.CompletionRow> completion,
                                  BigDecimal passMark) {
        List<Agency> attention = new ArrayList<>();
        for (AnalyticsDao.RankingRow row : ranking.reversed()) {
            if (row.total().compareTo(passMark) >= 0) {
                continue;
            }
            MeasureDao.CompletionRow c = completion.get(row.agencyCode());
            Optional<BigDecimal> rate = c == null || c.planned() == 0 ? Optional.empty()
                    : Optional.of(BigDecimal.valueOf(c.done()).divide(BigDecimal.valueOf(c.planned()), 4, RoundingMode.HALF_UP));
            if (rate.isEmpty()) {
                attention.add(new Agency(row.agencyCode(), row.nameTh(), row.total(), rate,
                        "คะแนนต่ำกว่าเกณฑ์ และยังไม่มีมาตรการในระบบ"));
            } else if (rate.get().compareTo(HALF) < 0) {
                attention.add(new Agency(row.agencyCode(), row.nameTh(), row.total(), rate,
                        "คะแนนต่ำกว่าเกณฑ์ และมาตรการแล้วเสร็จไม่ถึงครึ่ง"));
            }
        }
        return attention;
    }
}
