package org.itaoversight.api.ita;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.importing.AnalysisDocument;
import org.itaoversight.api.ita.importing.AnalysisDocumentReader;
import org.itaoversight.api.ita.importing.QuestionCode;
import org.itaoversight.api.ita.loading.ResultFile;
import org.itaoversight.api.ita.loading.ResultFileReader;
import org.itaoversight.api.ita.text.TextDecoding;
import org.itaoversight.tenants.registry.NationalRegistryGenerator;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.junit.jupiter.api.Test;

class AnalysisDocumentReaderTest {

    private final AnalysisDocumentReader reader = new AnalysisDocumentReader(Catalog.bundled(),
            new NationalRegistryGenerator(2568).generate(RegistryCsv.bundledProvinces(), RegistryCsv.bundledSampleAgencies()));

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = AnalysisDocumentReaderTest.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void bangRakam2565YieldsItsTotalLevelTenIndicatorsAndFiveWeakestQuestions() throws IOException {
        AnalysisDocument document = reader.read("ita-analysis-bangrakam-2565.txt", sample("ita-analysis-bangrakam-2565.txt"));

        assertThat(document.fiscalYear()).contains(2565);
        assertThat(document.agencyCode()).contains("6730301");
        assertThat(document.agencyNameTh()).contains("องค์การบริหารส่วนตำบลบางระกำ");
        assertThat(document.provinceNameTh()).contains("นครปฐม");
        assertThat(document.districtTh()).contains("นครชัยศรี");
        assertThat(document.total()).contains(new BigDecimal("89.79"));
        assertThat(document.level()).contains("A");
        assertThat(document.computedTotal()).contains(new BigDecimal("89.79"));
        assertThat(document.indicators()).extracting(AnalysisDocument.IndicatorScoreLine::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(document.indicators()).extracting(line -> line.score().toPlainString())
                .containsExactly("86.76", "75.12", "82.95", "80.59", "81.42", "93.40", "85.37", "79.98", "97.50", "100.00");
        assertThat(document.indicators().get(7).documentName()).isEqualTo("การปรับปรุงการทำงาน");
        assertThat(document.indicators().get(2).documentName()).isEqualTo("การใช้จ่ายเงิน");
        assertThat(document.unmappedIndicators()).isEmpty();
        assertThat(document.weakestQuestions()).extracting(AnalysisDocument.QuestionScoreLine::code)
                .containsExactly("o20", "o28", "o24", "o12", "o11");
        assertThat(document.weakestQuestions()).extracting(q -> q.score().toPlainString())
                .containsExactly("60.76", "64.75", "66.12", "72.15", "77.54");
        assertThat(document.weakestQuestions().getFirst().text()).isEqualTo("รายงานผลการใช้จ่ายงบประมาณ ประจำปี");
        assertThat(document.weakestQuestions()).allSatisfy(q -> assertThat(q.indicator()).contains(9));
        assertThat(document.warnings()).anySatisfy(w -> assertThat(w).contains("การใช้จ่ายเงิน", "ตัวชี้วัดที่ 3 การใช้อำนาจ"))
                .anySatisfy(w -> assertThat(w).contains("ส่วนหัวระบุองค์การบริหารส่วนตำบลบางระกา"));
    }

    @Test
    void whatTheDocumentPublishesLoadsThroughTheRegularChecks() throws IOException {
        AnalysisDocument document = reader.read("ita-analysis-bangrakam-2565.txt", sample("ita-analysis-bangrakam-2565.txt"));
        ResultFileReader files = new ResultFileReader(Catalog.bundled(),
                new NationalRegistryGenerator(2568).generate(RegistryCsv.bundledProvinces(), RegistryCsv.bundledSampleAgencies()));

        ResultFile results = files.read("doc#results", document.toWideCsv().getBytes(StandardCharsets.UTF_8));
        ResultFile questions = files.read("doc#questions", document.toLongCsv().getBytes(StandardCharsets.UTF_8));

        assertThat(results.problems()).isEmpty();
        assertThat(results.warnings()).isEmpty();
        assertThat(results.results()).singleElement().satisfies(r -> {
            assertThat(r.total()).isEqualByComparingTo("89.79");
            assertThat(r.level()).isEqualTo("A");
            assertThat(r.levelPublished()).isTrue();
            assertThat(r.indicators().get(2)).isEqualByComparingTo("82.95");
        });
        assertThat(questions.problems()).isEmpty();
        assertThat(questions.questions()).hasSize(5);
    }

    @Test
    void theSameDocumentInTis620ReadsTheSame() throws IOException {
        String text = new String(sample("ita-analysis-bangrakam-2565.txt"), StandardCharsets.UTF_8);
        byte[] legacy = text.replace("\uFFFD", "").getBytes(TextDecoding.WINDOWS_874);

        AnalysisDocument document = reader.read("legacy.txt", legacy);

        assertThat(document.encoding()).isEqualTo("TIS-620/windows-874");
        assertThat(document.total()).contains(new BigDecimal("89.79"));
        assertThat(document.agencyCode()).contains("6730301");
        assertThat(document.weakestQuestions()).hasSize(5);
    }

    @Test
    void aDocumentWithoutTheExpectedPartsSaysWhatIsMissingAndInventsNothing() {
        AnalysisDocument document = reader.read("empty.txt", "รายงานประจำเดือน\nไม่มีตาราง\n".getBytes(StandardCharsets.UTF_8));

        assertThat(document.fiscalYear()).isEmpty();
        assertThat(document.total()).isEmpty();
        assertThat(document.agencyCode()).isEmpty();
        assertThat(document.indicators()).isEmpty();
        assertThat(document.warnings()).contains("ไม่พบปีงบประมาณ (พ.ศ. ….)", "ไม่พบชื่อหน่วยงาน",
                "ไม่พบตารางข้อคำถามที่มีคะแนนต่ำสุด");
    }

    @Test
    void questionCodesAreReadAsAgenciesWriteThem() {
        assertThat(QuestionCode.normalize("O๑๗")).isEqualTo("o17");
        assertThat(QuestionCode.normalize("๐๒๐")).isEqualTo("o20");
        assertThat(QuestionCode.normalize("E๑๒")).isEqualTo("e12");
        assertThat(QuestionCode.normalize("ข้อ ๐๑๙")).isEqualTo("o19");
        assertThat(QuestionCode.normalize("1๔")).isEqualTo("i4");
        assertThat(QuestionCode.normalize("i14")).isEqualTo("i14");
        assertThat(QuestionCode.atStart("๑๒ ข้อความ")).isEmpty();
    }

    private static byte[] analysisCorpus(String name) throws IOException {
        try (java.io.InputStream in = AnalysisDocumentReaderTest.class.getResourceAsStream("/corpus/analysis/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theSameAnalysisAsWordAndPdfReadsTheSame() throws IOException {
        AnalysisDocumentReader reader = new AnalysisDocumentReader(Catalog.bundled(),
                new org.itaoversight.tenants.registry.NationalRegistryGenerator(2568).generate(
                        org.itaoversight.tenants.registry.RegistryCsv.bundledProvinces(),
                        org.itaoversight.tenants.registry.RegistryCsv.bundledSampleAgencies()));
        AnalysisDocument text = reader.read("a.txt", analysisCorpus("sample-bangrakam-2565.txt"));
        for (String format : List.of("docx", "pdf")) {
            AnalysisDocument other = reader.read("a." + format, analysisCorpus("sample-bangrakam-2565." + format));
            assertThat(other.encoding()).isEqualTo(format.toUpperCase());
            assertThat(other.agencyCode()).isEqualTo(text.agencyCode());
            assertThat(other.fiscalYear()).contains(2565);
            assertThat(other.total()).isEqualTo(text.total());
            assertThat(other.level()).contains("A");
            assertThat(other.indicators()).isEqualTo(text.indicators());
            assertThat(other.weakestQuestions()).extracting(AnalysisDocument.QuestionScoreLine::code)
                    .containsExactlyElementsOf(text.weakestQuestions().stream().map(AnalysisDocument.QuestionScoreLine::code).toList());
        }
    }

    @Test
    void indicatorTablesInAnotherColumnOrderAreRead() {
        AnalysisDocumentReader reader = new AnalysisDocumentReader(Catalog.bundled(),
                new org.itaoversight.tenants.registry.NationalRegistryGenerator(2568).generate(
                        org.itaoversight.tenants.registry.RegistryCsv.bundledProvinces(),
                        org.itaoversight.tenants.registry.RegistryCsv.bundledSampleAgencies()));
        String document = "การวิเคราะห์ผลการประเมิน พ.ศ. ๒๕๖๕\nตัวชี้วัด\tคะแนน\tอันดับ\n"
                + "การปฏิบัติหน้าที่\t๘๖.๗๖\t๑\nการใช้งบประมาณ\t75.12\t2\nการใช้อำนาจ\t82.95\t3\n"
                + "การใช้ทรัพย์สินของราชการ\t80.59\t4\nการแก้ไขปัญหาการทุจริต\t81.42\t5\n";
        AnalysisDocument read = reader.read("order.txt", document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(read.indicators()).extracting(AnalysisDocument.IndicatorScoreLine::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(read.indicators().getFirst().score()).isEqualByComparingTo("86.76");
    }
}
