package org.itaoversight.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.measures.MeasureDao;
import org.junit.jupiter.api.Test;

/** Which agencies need attention: under the pass mark, and no measure or fewer than half done. */
class NeedsAttentionTest {

    private static final BigDecimal PASS_MARK = new BigDecimal("85");

    private static AnalyticsDao.RankingRow row(long rank, String code, String total) {
        return new AnalyticsDao.RankingRow(rank, code, "หน่วยงาน " + code, "SUBDISTRICT_MUNICIPALITY", "เมือง",
                new BigDecimal(total), "B", null, null);
    }

    @Test
    void underThePassMarkWithNoOrFewMeasuresDoneWeakestFirst() {
        List<AnalyticsDao.RankingRow> ranking = List.of(row(1, "A", "92.00"), row(2, "B", "85.00"), row(3, "C", "84.99"),
                row(4, "D", "80.10"), row(5, "E", "70.00"), row(6, "F", "60.00"));
        Map<String, MeasureDao.CompletionRow> completion = Map.of(
                "A", new MeasureDao.CompletionRow("A", 4, 0, 0, 4),
                "C", new MeasureDao.CompletionRow("C", 4, 2, 2, 0),
                "D", new MeasureDao.CompletionRow("D", 3, 1, 1, 2),
                "F", new MeasureDao.CompletionRow("F", 0, 0, 0, 0));

        List<NeedsAttention.Agency> attention = NeedsAttention.of(ranking, completion, PASS_MARK);

        assertThat(attention).extracting(NeedsAttention.Agency::agencyCode).containsExactly("F", "E", "D");
        assertThat(attention.get(0).completionRate()).isEmpty();
        assertThat(attention.get(0).reasonTh()).contains("ยังไม่มีมาตรการ");
        assertThat(attention.get(2).completionRate()).contains(new BigDecimal("0.3333"));
        assertThat(attention.get(2).reasonTh()).contains("ไม่ถึงครึ่ง");
    }

    @Test
    void nobodyWhenAllPassOrHalfTheirMeasuresAreDone() {
        assertThat(NeedsAttention.of(List.of(row(1, "A", "85.00"), row(2, "C", "50.00")),
                Map.of("C", new MeasureDao.CompletionRow("C", 2, 1, 0, 1)), PASS_MARK)).isEmpty();
        assertThat(NeedsAttention.of(List.of(), Map.of(), PASS_MARK)).isEmpty();
    }
}
