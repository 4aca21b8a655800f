package org.itaoversight.api.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.text.TextDecoding;
import org.itaoversight.api.measures.importing.ImportedMeasure;
import org.itaoversight.api.measures.importing.MeasuresReport;
import org.itaoversight.api.measures.importing.MeasuresReportImporter;
import org.itaoversight.api.measures.importing.MeasuresReportReader;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.access.Role;
import org.itaoversight.tenants.registry.NationalRegistryGenerator;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The importer of agencies' measures reports, on the real sample documents and on layouts they do not show. */
class MeasuresReportReaderTest {

    private static final OversightPrincipal CLI = new OversightPrincipal("cli:test", "test", java.util.Set.of(Role.PLATFORM_ADMIN),
            Optional.empty(), Optional.empty());

    private final MeasuresReportReader reader = new MeasuresReportReader(Catalog.bundled(),
            new NationalRegistryGenerator(2568).generate(RegistryCsv.bundledProvinces(), RegistryCsv.bundledSampleAgencies()));

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = MeasuresReportReaderTest.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Optional<LocalDate> day(String iso) {
        return Optional.of(LocalDate.parse(iso));
    }

    @Nested
    class TangoiReport2566 {

        private final MeasuresReport report;

        TangoiReport2566() throws IOException {
            report = reader.read("measures-report-tangoi-2566.txt", sample("measures-report-tangoi-2566.txt"));
        }

        @Test
        void agencyAndYearComeFromTheHeader() {
            assertThat(report.agencyCode()).contains("6111101");
            assertThat(report.agencyNameTh()).contains("องค์การบริหารส่วนตำบลต่างอย");
            assertThat(report.provinceNameTh()).contains("สมุทรปราการ");
            assertThat(report.fiscalYear()).contains(2566);
            assertThat(report.encoding()).isEqualTo("UTF-8");
        }

        @Test
        void sevenMeasuresWithTheirTitles() {
            assertThat(report.measures()).hasSize(7);
            assertThat(report.measures()).extracting(ImportedMeasure::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
            assertThat(report.measures()).extracting(ImportedMeasure::numberAsWritten).containsExactly("๑", "๒", "๓", "๔", "๕", "๖", "๗");
            assertThat(report.measures()).extracting(ImportedMeasure::title).containsExactly(
                    "การปฏิบัติหรือให้บริการแก่บุคคลภายนอก เป็นไปตามขั้นตอนและระยะเวลาที่กำหนด มีความเท่าเทียมไม่เลือกปฏิบัติมุ่งผลสัมฤทธิ์ของงานและรับผิดชอบต่อหน้าที่",
                    "วางแนวทางการป้องกันการขัดกันระหว่างประโยชน์ส่วนตนและประโยชน์ส่วนรวม",
                    "สร้างการรับรู้เกี่ยวกับแผนการใช้จ่ายงบประมาณประจำปีให้แก่บุคลากรภายในหน่วยงานทราบ",
                    "สร้างความรู้ความ เข้าใจกับบุคลากรใน หน่วยงานเกี่ยวกับ ตัวชี้วัดตามแบบวัดการ รับรู้ของผู้มีส่วนได้เสีย ภายใน (IIT)",
                    "สร้างความรู้ความเข้าใจกับบุคลากรในหน่วยงานเกี่ยวกับตัวชี้วัดตามแบบวัดการรับรู้ของผู้มีส่วนได้เสียภายนอก (EIT)",
                    "ประชาสัมพันธ์ข้อมูลข่าวสารการจัดโครงการ/กิจกรรม/การบริหารเงินงบประมาณ/ข่าวสารหน่วยงาน/การบริหารงาน/ข้อมูลพื้นฐาน/"
                            + "การบริหารและพัฒนาทรัพยากรบุคคล/การส่งเสริม ความ\nโปร่งใสการป้องกัน ปราบปรามการทุจริต/ มาตรการภายใน ป้องกันการทุจริต/",
                    "ช่องทางการติดต่อสื่อสาร - ช่องทางการร้องเรียนร้องทุกข์ - ช่องทางการร้องเรียนการทุจริตของเจ้าหน้าที่ - ช่องทางการบริการประชาชน (e-Service)");
        }

        @Test
        void responsibleUnitsAreSplitIntoUnits() {
            assertThat(report.measures()).extracting(ImportedMeasure::responsibleUnits).containsExactly(
                    List.of("ทุกส่วนราชการ"),
                    List.of("ฝ่ายนิติการ"),
                    List.of("หัวหน้าส่วนทุกกอง"),
                    List.of("คณะกรรมการสนับสนุน การประเมิน ITA"),
                    List.of("เจ้าหน้าที่ทุกคนขององค์การบริหารส่วนตำบลน้ำผุด"),
                    List.of("เจ้าหน้าที่ทุกคน (ผู้เป็นเจ้าของงาน)", "เจ้าหน้าที่ฝ่ายประชาสัมพันธ์", "ฝ่ายนิติการ"),
                    List.of("เจ้าหน้าที่ฝ่ายประชาสัมพันธ์", "ฝ่ายนิติการ"));
        }

        @Test
        void periodsAreParsedFromThaiMonthsAndYears() {
            List<ImportedMeasure> m = report.measures();
            assertThat(m).extracting(x -> x.period().text()).containsExactly(
                    "ตุลาคม ๒๕๖๕-เมษายน ๒๕๖๖", "ตุลาคม ๒๕๖๕ – ธันวาคม ๒๕๖๕",
                    "เป็นประจำทุกเดือน, รอบไตรมาส, รอบ ๖ เดือน ในปีงบประมาณ พ.ศ.๒๕๖๖", "๑ มกราคม - ๓๐ มิถุนายน ๒๕๖๖",
                    "๑ มกราคม - ๓๐ มิถุนายน ๒๕๖๖", "๑ ตุลาคม ๒๕๖๕ - ๓๐ กันยายน ๒๕๖๖", "๑ ตุลาคม ๒๕๖๕ – ๓๐ กันยายน ๒๕๖๖");
            assertThat(m).extracting(x -> x.period().start()).containsExactly(day("2022-10-01"), day("2022-10-01"),
                    day("2022-10-01"), day("2023-01-01"), day("2023-01-01"), day("2022-10-01"), day("2022-10-01"));
            assertThat(m).extracting(x -> x.period().end()).containsExactly(day("2023-04-30"), day("2022-12-31"),
                    day("2023-09-30"), day("2023-06-30"), day("2023-06-30"), day("2023-09-30"), day("2023-09-30"));
            assertThat(m).extracting(x -> x.period().recurring()).containsExactly(false, false, true, false, false, false, false);
        }

        @Test
        void cellsContinuedOnTheNextPageAreMergedNotDuplicated() {
            ImportedMeasure third = report.measures().get(2);
            assertThat(third.lines()).containsExactly(19, 21);
            // "…๒. พัฒนาวิธีการเผยแพร่และ" ⏎ page break ⏎ "ประชาสัมพันธ์แผนการ …": one sentence again.
            assertThat(third.steps()).contains("๒. พัฒนาวิธีการเผยแพร่และประชาสัมพันธ์แผนการ ใช้จ่ายงบประมาณ");
            assertThat(third.outcome()).endsWith("ต่างๆอย่างทั่วถึงด้วย เช่นกัน");
            ImportedMeasure sixth = report.measures().get(5);
            assertThat(sixth.lines()).containsExactly(26, 28);
            assertThat(sixth.title()).contains("ทรัพยากรบุคคล/การส่งเสริม");
            assertThat(sixth.steps()).contains("ผ่านเครือข่ายสังคมออนไลน์ เช่น Facebook และเผยแพร่").contains("-ข่าวสารการจัดโครงการ/ กิจกรรม");
            assertThat(sixth.outcome()).endsWith("ตรวจสอบการทำงาน ของเจ้าหน้าที่อีกด้วย");
            assertThat(report.measures()).extracting(ImportedMeasure::title).doesNotHaveDuplicates();
        }

        @Test
        void outputAndOutcomeAreRead() {
            assertThat(report.measures()).allSatisfy(m -> {
                assertThat(m.output()).isNotBlank();
                assertThat(m.outcome()).isNotBlank();
                assertThat(m.steps()).isNotBlank();
            });
            assertThat(report.measures().getFirst().output()).startsWith("๑.จัดประชุมชี้แจงให้บุคลากรภายในทราบ");
            assertThat(report.measures().getFirst().steps()).doesNotContain("<p>", "</p>");
        }

        @Test
        void aBodyNamingAnotherAgencyIsAWarning() {
            assertThat(report.warnings()).anySatisfy(w -> assertThat(w)
                    .contains("ส่วนหัวของเอกสารเป็นขององค์การบริหารส่วนตำบลต่างอย", "เนื้อหาระบุองค์การบริหารส่วนตำบลน้ำผุด", "ที่แรกคือบรรทัด 15"));
            assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("องค์การบริหารส่วนตำบลน้ำมุด"));
            assertThat(report.measures()).allSatisfy(m -> assertThat(m.warnings()).isEmpty());
        }
    }

    @Nested
    class ThamrongReport2564 {

        private final MeasuresReport report;

        ThamrongReport2564() throws IOException {
            report = reader.read("measures-report-thamrong-2564.txt", sample("measures-report-thamrong-2564.txt"));
        }

        @Test
        void agencyAndYear() {
            assertThat(report.agencyCode()).contains("6760401");
            assertThat(report.fiscalYear()).contains(2564);
        }

        @Test
        void nineMeasuresAcrossThreeSectionsThatEachRestartTheirNumbering() {
            assertThat(report.measures()).hasSize(9);
            assertThat(report.measures()).extracting(ImportedMeasure::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(report.measures()).extracting(ImportedMeasure::numberAsWritten)
                    .containsExactly("๑", "๑", "๑", "๒", "๓", "๔", "๕", "๖", "๗");
            assertThat(report.warnings()).filteredOn(w -> w.contains("เริ่มนับใหม่")).hasSize(2);
            assertThat(report.measures()).extracting(ImportedMeasure::title).containsExactly(
                    "มาตรการในการ การใช้รถส่วนกลาง ขององค์การบริหาร ส่วนตำบลถ้ำรงค์ กำหนดขั้นตอน และแนวปฏิบัติ เกี่ยวกับการใช้ "
                            + "รถยนต์ส่วนกลาง - มาตรการการลงโทษ ที่ชัดเจน รวดเร็ว หาก พบการใช้รถยนต์ ส่วนกลางเพื่อ ประโยชน์ส่วนตัว/ พวกพ้อง",
                    "มีมาตรการการรับฟังความคิดเห็นจากประชาชนและการจัดทำแบบประเมินความพึงพอใจ ที่สะดวกต่อประชาชนผู้มาติดต่อ\n"
                            + "- มีมาตรการการปรับลดและเพิ่มระยะเวลาการปฏิบัติราชการเพื่อบริการประชาชน\n"
                            + "- มีมาตรการการประกาศ เจตนารมณ์ การป้องกันและต่อต้านการทุจริตคอร์รัปชัน",
                    "มีมาตรการส่งเสริม ความโปร่งใสและ ป้องกันการทุจริต ภายในหน่วยงาน - มีมาตรการการ ประกาศ เจตนารมณ์ การ ป้องกัน "
                            + "และ ต่อต้าน การทุจริต คอรัปชั่น",
                    "มีมาตรการการรับข้อมูล และการตอบแบบสอบถามที่รวดเร็ว และทันเหตุการณ์",
                    "มีมาตรการการขอรับบริการผ่านคำร้องออนไลน์",
                    "มีมาตรการการกำหนดหลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
                    "มีมาตรการแต่งตั้งผู้รับผิดชอบปรับเรื่องร้องทุกข์กรณีทุจริต โดยเฉพาะ\n- มีมาตรการการดำเนินการเรื่องร้องทุกข์กรณีทุจริต",
                    "มีมาตรการส่งเสริมความโปร่งใสและป้องกันการทุจริตภายในหน่วยงาน\n"
                            + "- มีมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานให้ดีขึ้น\n"
                            + "- มีมาตรการการกำหนดขั้นตอนหรือวิธีการปฏิบัติ การกำหนดแนวทางการกำกับติดตามให้นำไปสู่การปฏิบัติและการรายงานผล",
                    "มีมาตรการการดำเนินการตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน\n"
                            + "- มีมาตรการติดตามผลการดำเนินการตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน");
        }

        @Test
        void responsibleUnits() {
            List<String> five = List.of("สำนักงานปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสวัสดิการสังคม");
            assertThat(report.measures()).extracting(ImportedMeasure::responsibleUnits).containsExactly(
                    List.of("สำนักปลัด", "กองคลัง"), five,
                    List.of("สำนักงานปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสวัสดิการ สังคม"),
                    List.of("สำนักงานปลัด"), List.of("สำนักงานปลัด"), List.of("สำนักงานปลัด"), List.of("สำนักงานปลัด"),
                    List.of("สำนักงานปลัด"), List.of("สำนักงานปลัด"));
        }

        @Test
        void abbreviatedMonthsWithTwoDigitYearsAreSingleDays() {
            assertThat(report.measures()).extracting(m -> m.period().text()).containsExactly(
                    "๔ ก.พ. ๖๔", "๗ ม.ค. ๖๔", "๓ ธ.ค. ๖๓", "๖ พ.ย. ๖๓", "๖ พ.ย. ๖๓", "๕ ต.ค. ๖๓", "๕ ต.ค. ๖๓",
                    "๘ ตุลาคม ๒๕๖๓", "๘ ตุลาคม ๒๕๖๓");
            assertThat(report.measures()).extracting(m -> m.period().start()).containsExactly(
                    day("2021-02-04"), day("2021-01-07"), day("2020-12-03"), day("2020-11-06"), day("2020-11-06"),
                    day("2020-10-05"), day("2020-10-05"), day("2020-10-08"), day("2020-10-08"));
            assertThat(report.measures()).allSatisfy(m -> assertThat(m.period().end()).isEqualTo(m.period().start()));
        }

        @Test
        void eachSectionsWeakIndicatorBecomesItsMeasuresTarget() {
            // IIT: การใช้ทรัพย์สินราชการ (a synonym of indicator 4); EIT: การปรับปรุงการทำงาน (8); OIT: การเปิดเผยข้อมูล (9).
            assertThat(report.measures()).extracting(ImportedMeasure::targets).containsExactly(
                    List.of("indicator:4"), List.of("indicator:8"), List.of("indicator:9"), List.of("indicator:9"),
                    List.of("indicator:9"), List.of("indicator:9"), List.of("indicator:9"), List.of("indicator:9"),
                    List.of("indicator:9"));
        }

        @Test
        void aRemarksColumnOfDashesSaysNothing() {
            assertThat(report.measures()).allSatisfy(m -> {
                assertThat(m.outcome()).isEmpty();
                assertThat(m.warnings()).isEmpty();
            });
        }
    }

    @Nested
    class LayoutsTheSamplesDoNotShow {

        private MeasuresReport read(String text) {
            return reader.read("made-up.txt", text.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void otherHeaderWordingColumnOrderAndQuestionCodes() {
            MeasuresReport report = read("""
                    รายงานการดำเนินการตามมาตรการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
                    เทศบาลตำบลหนึ่ง อำเภอหนึ่ง จังหวัดนครปฐม

                    ลำดับความสำคัญ\tผู้รับผิดชอบ\tประเด็นที่ต้องพัฒนา\tแนวทางการพัฒนา\tกิจกรรม\tช่วงเวลา
                    x\tกองคลัง, สำนักปลัด\tข้อ E๑๒ และ O๑๗\t๑) เปิดช่องทางรับฟังความคิดเห็น\tจัดประชุมประชาคม\tพ.ย. ๖๖ - ม.ค. ๖๗
                    \t\t\t\tติดตามผลทุกไตรมาส\t
                    y\tกองช่าง\tข้อ ๐๑๙\t๒) เผยแพร่รายงานการใช้จ่ายงบประมาณ\tลงเว็บไซต์\tเร็ว ๆ นี้
                    """);
            assertThat(report.fiscalYear()).contains(2567);
            assertThat(report.measures()).hasSize(2);
            ImportedMeasure first = report.measures().getFirst();
            assertThat(first.title()).isEqualTo("เปิดช่องทางรับฟังความคิดเห็น");
            assertThat(first.responsibleUnits()).containsExactly("กองคลัง", "สำนักปลัด");
            assertThat(first.targets()).containsExactly("e12", "o17");
            assertThat(first.steps()).isEqualTo("จัดประชุมประชาคม\nติดตามผลทุกไตรมาส");
            assertThat(first.lines()).containsExactly(5, 6);
            assertThat(first.period().start()).isEqualTo(day("2023-11-01"));
            assertThat(first.period().end()).isEqualTo(day("2024-01-31"));
            ImportedMeasure second = report.measures().get(1);
            assertThat(second.targets()).containsExactly("o19");
            // "soon" is not a period: kept as text, no dates invented, and said.
            assertThat(second.period().text()).isEqualTo("เร็ว ๆ นี้");
            assertThat(report.warnings()).anySatisfy(w -> assertThat(w).isEqualTo("บรรทัด 5: ช่องที่ 1 (คอลัมน์ \"ลำดับความสำคัญ\") ไม่ได้อ่าน"));
            assertThat(second.period().start()).isEmpty();
            assertThat(second.warnings()).anySatisfy(w -> assertThat(w).contains("อ่านระยะเวลา \"เร็ว ๆ นี้\" ไม่ได้"));
        }

        @Test
        void unnumberedMeasuresAreOnePerRowAndEmptyTitleRowsContinueThem() {
            MeasuresReport report = read("""
                    มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ 2568
                    องค์การบริหารส่วนตำบลบางระกำ อำเภอนครชัยศรี จังหวัดนครปฐม

                    มาตรการ\tขั้นตอนการดำเนินการ\tหน่วยงานที่รับผิดชอบ\tระยะเวลา
                    จัดทำคู่มือการปฏิบัติงาน\tร่างคู่มือ\tสำนักปลัด\tตลอดปีงบประมาณ
                    \tเผยแพร่คู่มือ\t\t
                    ประกาศเจตจำนงสุจริต\tประกาศ\tนายก อบต.\tตุลาคม - ธันวาคม
                    """);
            assertThat(report.agencyCode()).contains("6730301");
            assertThat(report.measures()).extracting(ImportedMeasure::title)
                    .containsExactly("จัดทำคู่มือการปฏิบัติงาน", "ประกาศเจตจำนงสุจริต");
            assertThat(report.measures()).extracting(ImportedMeasure::numberAsWritten).containsExactly("", "");
            assertThat(report.measures().getFirst().steps()).isEqualTo("ร่างคู่มือ\nเผยแพร่คู่มือ");
            assertThat(report.measures().getFirst().lines()).containsExactly(5, 6);
            assertThat(report.measures().getFirst().period().start()).isEqualTo(day("2024-10-01"));
            assertThat(report.measures().getFirst().period().end()).isEqualTo(day("2025-09-30"));
            ImportedMeasure second = report.measures().get(1);
            assertThat(second.period().start()).isEqualTo(day("2024-10-01"));
            assertThat(second.period().end()).isEqualTo(day("2024-12-31"));
            assertThat(second.warnings()).anySatisfy(w -> assertThat(w).contains("ใช้ปีตามปีงบประมาณ 2568"));
        }

        @Test
        void tis620DocumentsAreReadLikeUtf8Ones() throws IOException {
            byte[] utf8 = sample("measures-report-thamrong-2564.txt");
            byte[] tis620 = new String(utf8, StandardCharsets.UTF_8).getBytes(TextDecoding.WINDOWS_874);
            MeasuresReport fromTis = reader.read("thamrong-tis620.txt", tis620);
            MeasuresReport fromUtf8 = reader.read("thamrong.txt", utf8);
            assertThat(fromTis.encoding()).isNotEqualTo("UTF-8");
            assertThat(fromTis.measures()).isEqualTo(fromUtf8.measures());
        }

        @Test
        void anAgencyNameThatFitsTwoAgenciesIsAskedNotGuessed() {
            // นครปฐม has a ตำบลบางระกำ in อำเภอนครชัยศรี and another in อำเภอบางเลน, each with its อบต.
            String table = "\nมาตรการ\tขั้นตอน\tผู้รับผิดชอบ\tระยะเวลา\n๑. จัดทำคู่มือ\tร่างคู่มือ\tสำนักปลัด\tตลอดปีงบประมาณ\n";
            MeasuresReport withoutDistrict = read("มาตรการ ปีงบประมาณ พ.ศ. ๒๕๖๘\nองค์การบริหารส่วนตำบลบางระกำ จังหวัดนครปฐม\n" + table);
            MeasuresReport withDistrict = read("มาตรการ ปีงบประมาณ พ.ศ. ๒๕๖๘\nองค์การบริหารส่วนตำบลบางระกำ อำเภอบางเลน จังหวัดนครปฐม\n" + table);
            MeasuresReport otherType = read("มาตรการ ปีงบประมาณ พ.ศ. ๒๕๖๘\nเทศบาลตำบลบางระกำ อำเภอนครชัยศรี จังหวัดนครปฐม\n" + table);

            assertThat(withoutDistrict.agencyCode()).isEmpty();
            assertThat(withoutDistrict.warnings()).anySatisfy(w -> assertThat(w)
                    .contains("6730301 อำเภอนครชัยศรี จังหวัดนครปฐม", "อำเภอบางเลน จังหวัดนครปฐม", "กรุณาระบุอำเภอ"));
            assertThat(withoutDistrict.measures()).hasSize(1);
            assertThat(withDistrict.agencyCode()).isPresent().isNotEqualTo(Optional.of("6730301"));
            assertThat(otherType.agencyCode()).isEmpty();
            assertThat(otherType.warnings()).anySatisfy(w -> assertThat(w).contains("ประเภทอื่น", "อบต.บางระกำ (6730301"));
            assertThat(withoutDistrict.agency().outcome()).isEqualTo("AMBIGUOUS");
            assertThat(withoutDistrict.agency().candidates()).hasSize(2).anySatisfy(c -> assertThat(c.code()).isEqualTo("6730301"));
            assertThat(otherType.agency().outcome()).isEqualTo("AMBIGUOUS");
            assertThat(withDistrict.agency().outcome()).isEqualTo("FOUND");

            // The dry run (no agency given, as on the command line) asks for the agency and lists the candidates ...
            MeasuresReportImporter importer = new MeasuresReportImporter(() -> reader, null);
            byte[] document = ("มาตรการ ปีงบประมาณ พ.ศ. ๒๕๖๘\nองค์การบริหารส่วนตำบลบางระกำ จังหวัดนครปฐม\n" + table)
                    .getBytes(StandardCharsets.UTF_8);
            MeasuresReportImporter.ImportResult asked = importer.importReport(CLI, "bangrakam.txt", document, Optional.empty(),
                    Optional.empty(), true);
            assertThat(asked.agencyCode()).isEmpty();
            assertThat(asked.problems().getFirst()).startsWith("หน่วยงาน: ").contains("6730301", "อำเภอบางเลน",
                    "ระบบไม่เลือกแทน", "กรุณาระบุรหัสหน่วยงาน");
            // ... given one of the candidates, it is a note; given another agency, it is a problem.
            MeasuresReportImporter.ImportResult chosen = importer.importReport(CLI, "bangrakam.txt", document,
                    Optional.of("6730301"), Optional.empty(), true);
            assertThat(chosen.problems()).singleElement().asString().contains("นำเข้าเป็นของหน่วยงาน 6730301 ตามที่เลือก");
            MeasuresReportImporter.ImportResult another = importer.importReport(CLI, "bangrakam.txt", document,
                    Optional.of("6760401"), Optional.empty(), true);
            assertThat(another.problems().getFirst()).contains("ไม่มีหน่วยงาน 6760401 ในรายชื่อนี้");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.importReport(CLI, "bangrakam.txt", document,
                    Optional.of("6760401"), Optional.empty(), false))
                    .isInstanceOf(org.itaoversight.api.measures.importing.MeasureImportException.class);
        }

        @Test
        void aNameTheRegistryDoesNotKnowIsNotFoundAndStopsTheImport() {
            byte[] document = ("มาตรการ ปีงบประมาณ พ.ศ. ๒๕๖๘\nองค์การบริหารส่วนตำบลหนองไม่มีจริงเลย จังหวัดนครปฐม\n"
                    + "\nมาตรการ\tขั้นตอน\tผู้รับผิดชอบ\tระยะเวลา\n๑. จัดทำคู่มือ\tร่างคู่มือ\tสำนักปลัด\tตลอดปีงบประมาณ\n")
                    .getBytes(StandardCharsets.UTF_8);
            MeasuresReportImporter importer = new MeasuresReportImporter(() -> reader, null);
            MeasuresReportImporter.ImportResult unknown = importer.importReport(CLI, "x.txt", document, Optional.empty(),
                    Optional.empty(), true);
            assertThat(unknown.report().agency().outcome()).isEqualTo("NOT_FOUND");
            assertThat(unknown.problems().getFirst()).contains("ไม่พบ", "หนองไม่มีจริงเลย", "กรุณาระบุรหัสหน่วยงาน");
            MeasuresReportImporter.ImportResult given = importer.importReport(CLI, "x.txt", document, Optional.of("6730301"),
                    Optional.empty(), true);
            assertThat(given.problems().getFirst()).contains("ไม่แน่ใจว่าเป็นรายงานของหน่วยงาน 6730301");
        }

        @Test
        void aDocumentWithoutTablesSaysSo() {
            MeasuresReport report = read("ประกาศ องค์การบริหารส่วนตำบลบางระกำ เรื่อง มาตรการ พ.ศ. ๒๕๖๘\nไม่มีตาราง\n");
            assertThat(report.measures()).isEmpty();
            assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("ไม่พบตารางมาตรการ"));
        }

        @Test
        void rowsBeforeAnyHeaderAreReportedNotGuessed() {
            MeasuresReport report = read("ปีงบประมาณ พ.ศ. ๒๕๖๘\nก\tข\tค\n");
            assertThat(report.measures()).isEmpty();
            assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("บรรทัด 2: แถวตารางก่อนมีหัวตาราง"));
        }
    }
}
