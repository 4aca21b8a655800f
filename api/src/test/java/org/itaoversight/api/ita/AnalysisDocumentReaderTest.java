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
        assertThat(document.warnings()).contains("ไม่พบปีงบประมาณ (ปีงบประมาณ พ.ศ. ….) ก่อนตารางแรก", "ไม่พบชื่อหน่วยงาน",
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
        assertThat(QuestionCode.normalize("IIT ข้อ ๙")).isEqualTo("i9");
        assertThat(QuestionCode.atStart("OIT ข้อที่ 17 รายงานผล")).contains(new QuestionCode.Parsed("o17", "รายงานผล"));
        assertThat(QuestionCode.atStart("IIT")).isEmpty();
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

    private AnalysisDocument readText(String text) {
        return reader.read("test.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyProblemIsSaidInThaiWithWhereItIs() {
        AnalysisDocument read = readText("""
                การวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๖
                องค์การบริหารส่วนตำบลบางระกำ อำเภอนครชัยศรี จังหวัดนครปฐม
                ตัวชี้วัด\tคะแนน
                การปฏิบัติหน้าที่\t๘๘.๐๐
                ตัวชี้วัดที่ ๓ การใช้งบประมาณ\t๗๙.๕๐
                การใช้อำนาจ\tรอประกาศ
                การใช้ทรัพย์สินของราชการ\t๙๐.๒๕
                """);

        assertThat(read.indicators()).extracting(AnalysisDocument.IndicatorScoreLine::number).containsExactly(1, 4);
        assertThat(read.warnings())
                .anySatisfy(w -> assertThat(w).contains("บรรทัด 5", "เลขตัวชี้วัด (3) ไม่ตรงกับชื่อ (ตัวชี้วัดที่ 2 การใช้งบประมาณ)"))
                .anySatisfy(w -> assertThat(w).contains("บรรทัด 6", "\"รอประกาศ\"", "ไม่ใช่ตัวเลข"))
                .anySatisfy(w -> assertThat(w).contains("อ่านคะแนนตัวชี้วัดได้ 2 จาก 10 ตัว"))
                .anySatisfy(w -> assertThat(w).startsWith("ไม่พบคะแนนรวมของหน่วยงาน"))
                .anySatisfy(w -> assertThat(w).startsWith("ไม่พบระดับผลการประเมินของหน่วยงาน"));
        assertThat(read.total()).isEmpty();
        assertThat(read.level()).isEmpty();
        assertThat(read.computedTotal()).isEmpty();
    }

    @Test
    void twoScoreColumnsThatNoYearTellsApartAreNotGuessed() {
        AnalysisDocument read = readText("""
                การวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๖
                ตัวชี้วัด\tคะแนนรอบแรก\tคะแนนรอบสอง
                การปฏิบัติหน้าที่\t80.00\t88.00
                การใช้งบประมาณ\t70.00\t79.50
                """);

        assertThat(read.indicators()).isEmpty();
        assertThat(read.warnings()).anySatisfy(w -> assertThat(w).contains("บรรทัด 2", "มีคอลัมน์คะแนนหลายคอลัมน์",
                "\"คะแนนรอบแรก\"", "ไม่ทราบว่าคอลัมน์ใดเป็นคะแนนปี 2566"));
    }

    @Test
    void theScoreOfTheDocumentsYearIsTakenWhenColumnsNameYears() {
        AnalysisDocument read = readText("""
                การวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๖
                ตัวชี้วัด\tปี ๒๕๖๖\tปี ๒๕๖๕
                การปฏิบัติหน้าที่\t88.00\t80.00
                การใช้งบประมาณ\t79.50\t70.00
                """);

        assertThat(read.indicators()).extracting(line -> line.score().toPlainString()).containsExactly("88.00", "79.50");
    }

    @Test
    void aTotalStatedTwiceDifferentlyIsReportedAndTheFirstKept() {
        AnalysisDocument read = readText("""
                การวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๖
                ผลการประเมินภาพรวมได้คะแนน ๘๘.๕๐ คะแนน อยู่ในระดับ A
                สรุป
                คะแนนรวม\t87.00\tA
                """);

        assertThat(read.total()).contains(new BigDecimal("88.50"));
        assertThat(read.level()).contains("A");
        assertThat(read.warnings()).anySatisfy(w -> assertThat(w).contains("คะแนนรวมในบรรทัด 4 (87.00) ไม่ตรงกับในบรรทัด 2 (88.50)"));
    }

    @Test
    void numbersThatAreThresholdsCountsOrRangesAreNotTheTotal() {
        AnalysisDocument read = readText("""
                การวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๖
                หน่วยงานที่มีผลการประเมินผ่านเกณฑ์ (๘๕ คะแนน) ต้องมีไม่น้อยกว่าร้อยละ ๘๐
                ผลการประเมินมีคะแนนเต็ม ๑๐๐ คะแนน แบ่งเป็น ๗ ระดับ
                ผลการประเมินอยู่ในช่วงคะแนน ๘๕.๐๐ – ๙๔.๙๙ ระดับ A
                """);

        assertThat(read.total()).isEmpty();
        assertThat(read.level()).isEmpty();
    }

    @Test
    void indicatorsByToolAndNumberAreReadButAQuestionWrittenTheSameWayIsNotAnIndicator() {
        String text = String.join("\n",
                "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
                "องค์การบริหารส่วนจังหวัดน่าน", "",
                "ตัวชี้วัด\tคะแนน", "IIT-1 การปฏิบัติหน้าที่\t90.00", "IIT-2\t85.00", "EIT 7\t88.00", "OIT-9\t90.00",
                "IIT-7\t70.00", "OIT-10 การใช้งบประมาณ\t71.00", "",
                "ข้อคำถามที่มีคะแนนต่ำกว่า ๘๕", "",
                "ข้อคำถาม\tคะแนน", "IIT 3 บุคลากรกล้าทักท้วงการใช้อำนาจที่ไม่ถูกต้อง\t80.50",
                "EIT 7 ผู้รับบริการได้รับข้อมูลครบถ้วน\t82.00");

        AnalysisDocument document = reader.read("tool-numbers.txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(document.indicators()).extracting(AnalysisDocument.IndicatorScoreLine::number).containsExactly(1, 2, 7, 9);
        assertThat(document.indicators()).extracting(line -> line.score().toPlainString()).containsExactly("90.00", "85.00", "88.00", "90.00");
        assertThat(document.warnings()).anySatisfy(w -> assertThat(w).contains("IIT-7", "ไม่มีตัวชี้วัดที่ 7 ในแบบวัด IIT"))
                .anySatisfy(w -> assertThat(w).contains("OIT-10 การใช้งบประมาณ", "ไม่ตรงกับชื่อ"));
        assertThat(document.weakestQuestions()).extracting(AnalysisDocument.QuestionScoreLine::code).containsExactly("i3", "e7");
    }

    @Test
    void anIndicatorTableLaidOutAcrossIsReadNameAboveScoreAndNotWhenTwoRowsCouldBeTheYears() {
        String across = String.join("\n",
                "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", "องค์การบริหารส่วนจังหวัดน่าน", "",
                "ตัวชี้วัด\tการปฏิบัติหน้าที่\tการใช้งบประมาณ\tการใช้อำนาจ",
                "คะแนนเต็ม\t100\t100\t100",
                "คะแนนปี ๒๕๖๗\t80.00\t81.00\t82.00",
                "คะแนนปี ๒๕๖๘\t90.00\t91.00\t92.00", "",
                "ย่อหน้าคั่น", "",
                "ตัวชี้วัด\tคุณภาพการดำเนินงาน\tประสิทธิภาพการสื่อสาร",
                "คะแนน\t70.00\t71.00",
                "คะแนน (ทบทวน)\t72.00\t73.00");

        AnalysisDocument document = reader.read("across.txt", across.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(document.indicators()).extracting(AnalysisDocument.IndicatorScoreLine::number).containsExactly(1, 2, 3);
        assertThat(document.indicators()).extracting(line -> line.score().toPlainString()).containsExactly("90.00", "91.00", "92.00");
        assertThat(document.warnings()).anySatisfy(w -> assertThat(w).contains("มีแถวคะแนนใต้แถวนี้ 2 แถว", "จึงไม่ได้อ่าน"));
    }

    @Test
    void indicatorNumbersAcrossARowLabelledตัวชี้วัดที่NameTheIndicators() {
        String across = String.join("\n",
                "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", "องค์การบริหารส่วนจังหวัดน่าน", "",
                "ตัวชี้วัดที่\t๑\t๒\t๓\t๔\t๕", "คะแนน\t๙๐.๐๐\t๙๑.๐๐\t๙๒.๐๐\t๙๓.๐๐\t๙๔.๐๐",
                "ตัวชี้วัดที่\t๖\t๗\t๘\t๙\t๑๐", "คะแนน\t๘๐.๐๐\t๘๑.๐๐\t๘๒.๐๐\t๘๓.๐๐\t๘๔.๐๐",
                "", "ลำดับ\t๑\t๒", "คะแนน\t๑๐.๐๐\t๒๐.๐๐");

        AnalysisDocument document = reader.read("numbers-across.txt", across.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(document.indicators()).extracting(AnalysisDocument.IndicatorScoreLine::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(document.indicators()).extracting(line -> line.score().toPlainString())
                .containsExactly("90.00", "91.00", "92.00", "93.00", "94.00", "80.00", "81.00", "82.00", "83.00", "84.00");
    }
}
