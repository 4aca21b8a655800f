package org.itaoversight.api.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.itaoversight.api.measures.importing.PlannedPeriod;
import org.itaoversight.api.measures.importing.ThaiPeriodParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThaiPeriodParserTest {

    private final ThaiPeriodParser parser = new ThaiPeriodParser();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ตุลาคม ๒๕๖๕-เมษายน ๒๕๖๖                  | 2022-10-01 | 2023-04-30
            ๑ มกราคม - ๓๐ มิถุนายน ๒๕๖๖               | 2023-01-01 | 2023-06-30
            ๔ ก.พ. ๖๔                               | 2021-02-04 | 2021-02-04
            ๘ ตุลาคม ๒๕๖๓                            | 2020-10-08 | 2020-10-08
            1-15 มี.ค. 2567                          | 2024-03-01 | 2024-03-15
            ต.ค. ๖๖ – มี.ค. ๖๗                        | 2023-10-01 | 2024-03-31
            ตุลาคม - มีนาคม ๒๕๖๗                      | 2023-10-01 | 2024-03-31
            พฤศจิกายน พ.ศ. ๒๕๖๖                       | 2023-11-01 | 2023-11-30
            ๑ ก. พ. ๒๕๖๗ ถึง ๒๙ ก.พ. ๒๕๖๗               | 2024-02-01 | 2024-02-29
            เป็นประจำทุกเดือน ในปีงบประมาณ พ.ศ.๒๕๖๖        | 2022-10-01 | 2023-09-30
            ๑/๑๐/๒๕๖๖ – ๓๐/๙/๒๕๖๗                    | 2023-10-01 | 2024-09-30
            01-11-2566 - 30-11-2566                  | 2023-11-01 | 2023-11-30
            15.3.67                                  | 2024-03-15 | 2024-03-15
            ๑ ก.พ. 67 – 30/4/๒๕๖๗                     | 2024-02-01 | 2024-04-30
            ไตรมาส 3 ปีงบประมาณ 2567                  | 2024-04-01 | 2024-06-30
            ไตรมาสที่ ๑/๒๕๖๗                           | 2023-10-01 | 2023-12-31
            ไตรมาสที่ ๒ (ม.ค.–มี.ค. ๒๕๖๗)               | 2024-01-01 | 2024-03-31
            ปีงบประมาณ ๒๕๖๖ - ๒๕๖๗                     | 2022-10-01 | 2024-09-30
            """)
    void readsThaiDatesAndRanges(String text, String start, String end) {
        PlannedPeriod period = parser.parse(text, Optional.of(2566));
        assertThat(period.start()).contains(LocalDate.parse(start));
        assertThat(period.end()).contains(LocalDate.parse(end));
        assertThat(period.text()).isEqualTo(text.strip());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            เร็ว ๆ นี้                   | อ่านวัน เดือน หรือปีงบประมาณไม่ได้
            ๓๑ กุมภาพันธ์ ๒๕๖๗          | ไม่มีวันที่นี้ในปฏิทิน
            มีนาคม ๒๕๖๗ - มกราคม ๒๕๖๗   | วันสิ้นสุด (2024-01-31) มาก่อนวันเริ่มต้น (2024-03-01)
            ๑๓/๒๕/๒๕๖๗                  | ไม่ใช่วันที่แบบ วัน/เดือน/ปี
            ไตรมาส ๔-๑                  | ไตรมาสสิ้นสุด (1) มาก่อนไตรมาสเริ่มต้น (4)
            ''                          | ไม่ได้ระบุระยะเวลา
            """)
    void neverInventsADate(String text, String reason) {
        PlannedPeriod period = parser.parse(text, Optional.of(2567));
        assertThat(period.start()).isEmpty();
        assertThat(period.end()).isEmpty();
        assertThat(period.understood()).isFalse();
        assertThat(period.notes()).anySatisfy(note -> assertThat(note).contains(reason));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ตุลาคม - ธันวาคม          | 2023-10-01 | 2023-12-31 | ไม่ได้ระบุปี ใช้ปีตามปีงบประมาณ 2567
            ตลอดปีงบประมาณ           | 2023-10-01 | 2024-09-30 | ถือเป็นตลอดปีงบประมาณ 2567
            มกราคม 2024              | 2024-01-01 | 2024-01-31 | ปี 2024 อ่านเป็น ค.ศ.
            ไตรมาสที่ ๒              | 2024-01-01 | 2024-03-31 | ถือเป็นไตรมาสของปีงบประมาณ 2567
            """)
    void whatIsInferredIsNoted(String text, String start, String end, String note) {
        PlannedPeriod period = parser.parse(text, Optional.of(2567));
        assertThat(period.start()).contains(LocalDate.parse(start));
        assertThat(period.end()).contains(LocalDate.parse(end));
        assertThat(period.notes()).anySatisfy(n -> assertThat(n).contains(note));
    }

    @org.junit.jupiter.api.Test
    void recurringActivitiesAreMarked() {
        assertThat(parser.parse("เป็นประจำทุกเดือน, รอบไตรมาส", Optional.of(2566)).recurring()).isTrue();
        assertThat(parser.parse("๑ ตุลาคม ๒๕๖๕ - ๓๐ กันยายน ๒๕๖๖", Optional.of(2566)).recurring()).isFalse();
        assertThat(parser.parse("ทุกเดือน", Optional.empty()).understood()).isFalse();
    }
}
