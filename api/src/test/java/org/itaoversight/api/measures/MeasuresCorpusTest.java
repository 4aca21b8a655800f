package org.itaoversight.api.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.measures.importing.ColumnRole;
import org.itaoversight.api.measures.importing.CorpusCheck;
import org.itaoversight.api.measures.importing.ImportedMeasure;
import org.itaoversight.api.measures.importing.MeasuresReport;
import org.itaoversight.api.measures.importing.MeasuresReportReader;
import org.itaoversight.api.measures.importing.ReadingChoices;
import org.itaoversight.api.measures.importing.TableReading;
import org.itaoversight.tenants.registry.NationalRegistryGenerator;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.junit.jupiter.api.Test;

/**
 * The measures-report reader over the corpus of layouts (api/src/test/resources/corpus/measures: each document as
 * text, Word and PDF, with every measure, unit, period and target expected), and the column mapping that reads a
 * table whose header it does not know.
 */
class MeasuresCorpusTest {

    private final MeasuresReportReader reader = new MeasuresReportReader(Catalog.bundled(),
            new NationalRegistryGenerator(2568).generate(RegistryCsv.bundledProvinces(), RegistryCsv.bundledSampleAgencies()));

    private static Path corpus() throws URISyntaxException {
        return Path.of(MeasuresCorpusTest.class.getResource("/corpus/measures").toURI());
    }

    private static byte[] file(String name) throws IOException {
        try (InputStream in = MeasuresCorpusTest.class.getResourceAsStream("/corpus/measures/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void everyDocumentOfTheCorpusIsReadAsExpectedInEveryFormat() throws Exception {
        CorpusCheck.Result result = new CorpusCheck(reader).check(corpus());

        assertThat(result.documents().stream().map(CorpusCheck.DocumentResult::document).distinct().count()).isGreaterThanOrEqualTo(18);
        for (String format : List.of("txt", "docx", "pdf")) {
            assertThat(result.documents().stream().filter(d -> d.format().equals(format)).count()).as(format).isGreaterThanOrEqualTo(17);
        }
        assertThat(result.documents()).allSatisfy(d -> assertThat(d.differences()).as(d.document() + "." + d.format()).isEmpty());
        Map<String, CorpusCheck.Count> totals = result.totals(Optional.empty());
        assertThat(totals.get("measure").truePositives()).isGreaterThan(150);
        assertThat(totals.values()).allSatisfy(c -> {
            assertThat(c.precision()).isEqualTo(1.0);
            assertThat(c.recall()).isEqualTo(1.0);
        });
    }

    @Test
    void theSampleReportsGiveTheSameMeasuresInAllThreeFormats() throws IOException {
        for (String sample : List.of("sample-tangoi-2566", "sample-thamrong-2564")) {
            MeasuresReport text = reader.read(sample + ".txt", file(sample + ".txt"));
            for (String format : List.of("docx", "pdf")) {
                MeasuresReport other = reader.read(sample + "." + format, file(sample + "." + format));
                assertThat(other.format()).isEqualTo(format.toUpperCase());
                assertThat(other.agencyCode()).isEqualTo(text.agencyCode());
                assertThat(other.fiscalYear()).isEqualTo(text.fiscalYear());
                assertThat(other.measures()).extracting(m -> squeeze(m.title())).containsExactlyElementsOf(
                        text.measures().stream().map(m -> squeeze(m.title())).toList());
                assertThat(other.measures()).extracting(m -> m.responsibleUnits().stream().map(MeasuresCorpusTest::squeeze).toList())
                        .containsExactlyElementsOf(text.measures().stream()
                                .map(m -> m.responsibleUnits().stream().map(MeasuresCorpusTest::squeeze).toList()).toList());
                assertThat(other.measures()).extracting(ImportedMeasure::targets)
                        .containsExactlyElementsOf(text.measures().stream().map(ImportedMeasure::targets).toList());
                assertThat(other.measures()).extracting(m -> m.period().start())
                        .containsExactlyElementsOf(text.measures().stream().map(m -> m.period().start()).toList());
            }
        }
    }

    private static String squeeze(String text) {
        return text.replaceAll("[\\s\\u2028]+", "");
    }

    private static final String UNKNOWN_HEADERS = """
            สรุปงานส่งเสริมความโปร่งใส ปีงบประมาณ พ.ศ. ๒๕๖๗
            องค์การบริหารส่วนตำบลถ้ำรงค์

            เรื่อง\tสิ่งที่ทำ\tคนทำ\tเมื่อไร
            ติดตั้งกล่องรับความคิดเห็นหน้าสำนักงาน\tจัดซื้อกล่องและติดตั้ง\tสำนักปลัด\tม.ค. ๖๗
            อบรมเรื่องผลประโยชน์ทับซ้อน\tเชิญวิทยากรจากอำเภอ\tงานการเจ้าหน้าที่/กองคลัง\t๑๕ ก.พ. ๖๗
            """;

    @Test
    void aHeaderOfUnknownWordsIsShownWithItsFirstRowsAndNotGuessed() {
        MeasuresReport report = reader.read("unknown.txt", UNKNOWN_HEADERS.getBytes(StandardCharsets.UTF_8));

        assertThat(report.measures()).isEmpty();
        TableReading table = report.tables().getFirst();
        assertThat(table.table()).isEqualTo(1);
        assertThat(table.source()).isEqualTo("NONE");
        assertThat(table.headerRows()).isEqualTo(1);
        assertThat(table.firstRows().get(0)).containsExactly("เรื่อง", "สิ่งที่ทำ", "คนทำ", "เมื่อไร");
        assertThat(table.firstRows().get(1).get(0)).isEqualTo("ติดตั้งกล่องรับความคิดเห็นหน้าสำนักงาน");
        assertThat(table.columns()).extracting(TableReading.ColumnReading::role)
                .containsExactly(ColumnRole.UNKNOWN, ColumnRole.UNKNOWN, ColumnRole.UNKNOWN, ColumnRole.UNKNOWN);
        assertThat(table.problems()).anySatisfy(p -> assertThat(p).contains("กรุณาระบุว่าคอลัมน์ใดคืออะไร"));
    }

    @Test
    void theAdministratorsColumnMappingAndYearReadTheTableAgain() {
        ReadingChoices choices = ReadingChoices.parse("1.0=MEASURE,1.1=steps,1.2=UNITS,1.3=PERIOD", Optional.of(2567));
        MeasuresReport report = reader.read("unknown.txt", UNKNOWN_HEADERS.getBytes(StandardCharsets.UTF_8), choices);

        assertThat(report.tables().getFirst().source()).isEqualTo("CHOSEN");
        assertThat(report.tables().getFirst().columns()).extracting(TableReading.ColumnReading::confidence).containsOnly(1.0);
        assertThat(report.measures()).extracting(ImportedMeasure::title)
                .containsExactly("ติดตั้งกล่องรับความคิดเห็นหน้าสำนักงาน", "อบรมเรื่องผลประโยชน์ทับซ้อน");
        assertThat(report.measures().get(1).responsibleUnits()).containsExactly("งานการเจ้าหน้าที่", "กองคลัง");
        assertThat(report.measures().get(1).period().start()).contains(java.time.LocalDate.of(2024, 2, 15));
        assertThat(report.measures().getFirst().steps()).isEqualTo("จัดซื้อกล่องและติดตั้ง");
    }

    @Test
    void aChosenFiscalYearReplacesAMissingOneAndIsUsedForPeriodsWithoutAYear() {
        String noYear = """
                รายงานมาตรการ องค์การบริหารส่วนตำบลถ้ำรงค์
                มาตรการ\tขั้นตอน\tผู้รับผิดชอบ\tระยะเวลา
                ๑. ประกาศเจตจำนงสุจริต\tผู้บริหารลงนาม\tสำนักปลัด\tตุลาคม
                """;
        MeasuresReport unread = reader.read("no-year.txt", noYear.getBytes(StandardCharsets.UTF_8));
        assertThat(unread.fiscalYear()).isEmpty();
        assertThat(unread.warnings()).anySatisfy(w -> assertThat(w).contains("ไม่พบปีงบประมาณ"));

        MeasuresReport chosen = reader.read("no-year.txt", noYear.getBytes(StandardCharsets.UTF_8),
                new ReadingChoices(Map.of(), Optional.of(2566)));
        assertThat(chosen.fiscalYear()).contains(2566);
        assertThat(chosen.measures().getFirst().period().start()).contains(java.time.LocalDate.of(2022, 10, 1));
    }

    @Test
    void wordsThatFitTwoKindsOfColumnAreDecidedFromTheWholeHeaderRow() {
        String activityIsSteps = "ปีงบประมาณ ๒๕๖๖\nมาตรการ\tกิจกรรม\tผู้รับผิดชอบ\n๑. ก\tข\tกองคลัง\n";
        String activityIsMeasure = "ปีงบประมาณ ๒๕๖๖\nโครงการ/กิจกรรม\tวิธีดำเนินการ\tผู้รับผิดชอบ\tระยะเวลาดำเนินการ\tผลการดำเนินการ\n๑. ก\tข\tกองคลัง\tต.ค. ๖๕\tเสร็จ\n";
        List<TableReading.ColumnReading> steps = reader.read("a.txt", activityIsSteps.getBytes(StandardCharsets.UTF_8))
                .tables().getFirst().columns();
        List<TableReading.ColumnReading> measure = reader.read("b.txt", activityIsMeasure.getBytes(StandardCharsets.UTF_8))
                .tables().getFirst().columns();

        assertThat(steps).extracting(TableReading.ColumnReading::role).containsExactly(ColumnRole.MEASURE, ColumnRole.STEPS, ColumnRole.UNITS);
        assertThat(measure).extracting(TableReading.ColumnReading::role).containsExactly(ColumnRole.MEASURE, ColumnRole.STEPS,
                ColumnRole.UNITS, ColumnRole.PERIOD, ColumnRole.OUTPUT);
        assertThat(measure.get(3).why()).contains("ระยะเวลา");
    }

    @Test
    void aBadMappingIsRefusedInThai() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReadingChoices.parse("1.0=TITLE", Optional.empty()))
                .hasMessageContaining("ไม่รู้จักประเภทคอลัมน์");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReadingChoices.parse("A=MEASURE", Optional.empty()))
                .hasMessageContaining("ตาราง.คอลัมน์=ประเภท");
    }
}
