package org.itaoversight.tenants.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryCsvTest {

    @Test
    void bundledProvincesAreTheSeventySevenProvinces() {
        List<Province> provinces = RegistryCsv.bundledProvinces();

        assertThat(provinces).hasSize(77);
        assertThat(provinces).extracting(Province::code).doesNotHaveDuplicates();
        assertThat(provinces).filteredOn(p -> p.code().equals("30")).singleElement()
                .satisfies(p -> {
                    assertThat(p.nameTh()).isEqualTo("นครราชสีมา");
                    assertThat(p.region()).isEqualTo(Region.NORTHEAST);
                });
        assertThat(provinces).filteredOn(p -> p.code().equals("73")).extracting(Province::nameTh).containsExactly("นครปฐม");
    }

    @Test
    void bundledSampleAgenciesAreTheAgenciesOfTheSampleDocuments() {
        assertThat(RegistryCsv.bundledSampleAgencies())
                .extracting(Agency::shortNameTh)
                .containsExactlyInAnyOrder("อบต.บางระกำ", "อบต.ต่างอย", "อบต.น้ำผุด", "อบต.ถ้ำรงค์");
    }

    @Test
    void readsQuotedCellsAByteOrderMarkAndCommentLines() {
        String csv = "\uFEFFcode,name_th,type,province_code,district\n"
                + "# a comment\n"
                + "\n"
                + "6730301,\"องค์การบริหารส่วนตำบลบางระกำ\",อบต.,73,\"นครชัยศรี, ใต้ \"\"เก่า\"\"\"\n";

        List<Agency> agencies = RegistryCsv.readAgencies(new StringReader(csv), "test.csv");

        assertThat(agencies).containsExactly(new Agency("6730301", "องค์การบริหารส่วนตำบลบางระกำ",
                AgencyType.SUBDISTRICT_ADMINISTRATION, "73", "นครชัยศรี, ใต้ \"เก่า\""));
    }

    @Test
    void reportsEveryProblemWithLineAndColumn() {
        String csv = "code,name_th,type,province_code,district\n"
                + "67303X1,อบต.ก,SAO,73,ก\n"
                + "6730302,,เทศบาลหมู่บ้าน,7,ข\n"
                + "6730303,อบต.ค,SAO,73\n";

        assertThatThrownBy(() -> RegistryCsv.readAgencies(new StringReader(csv), "agencies.csv"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.problems()).containsExactly(
                        new RegistryProblem("agencies.csv", 2, "code", "agency code must be 5–10 digits, got '67303X1'"),
                        new RegistryProblem("agencies.csv", 3, "name_th", "missing Thai name"),
                        new RegistryProblem("agencies.csv", 3, "type", "unknown agency type 'เทศบาลหมู่บ้าน'"),
                        new RegistryProblem("agencies.csv", 3, "province_code", "province code must be two digits, got '7'"),
                        new RegistryProblem("agencies.csv", 4, "", "has 4 cells, the header has 5")))
                .hasMessageContaining("agencies.csv, line 2, column code");
    }

    @Test
    void aCellMayHoldALineBreakAndLinesKeepTheirNumbersInTheFile() {
        String csv = "code,name_th,type,province_code,district\r\n"
                + "6730301,อบต.ก,SAO,73,\"นครชัยศรี\r\nใต้\"\r\n"
                + "   \r\n"
                + "6730302,อบต.ข,ไม่มีประเภทนี้,73,ข\r\n";

        assertThatThrownBy(() -> RegistryCsv.readAgencies(new StringReader(csv), "crlf.csv"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.problems()).containsExactly(
                        new RegistryProblem("crlf.csv", 5, "type", "unknown agency type 'ไม่มีประเภทนี้'")));
    }

    @Test
    void aQuotedCellNeverClosedIsAProblemNotAGuess() {
        String csv = "code,name_th,type,province_code,district\n"
                + "6730301,\"อบต.ก,SAO,73,ก\n";

        assertThatThrownBy(() -> RegistryCsv.readAgencies(new StringReader(csv), "open.csv"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.problems())
                        .extracting(RegistryProblem::message).contains("a quoted cell is never closed"));
    }

    @Test
    void aMissingColumnIsReportedAgainstTheHeader() {
        assertThatThrownBy(() -> RegistryCsv.readProvinces(new StringReader("code,name_th,region\n10,กรุงเทพมหานคร,CENTRAL\n"), "p.csv"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.problems())
                        .extracting(RegistryProblem::column).containsExactly("name_en", "districts"));
    }

    @Test
    void writtenAgenciesReadBackUnchanged() {
        List<Agency> agencies = List.of(
                new Agency("6730301", "องค์การบริหารส่วนตำบลบางระกำ", AgencyType.SUBDISTRICT_ADMINISTRATION, "73", "นครชัยศรี"),
                new Agency("1200002", "เมืองพัทยา", AgencyType.SPECIAL, "20", "บางละมุง, ชลบุรี"));
        StringWriter out = new StringWriter();

        RegistryCsv.writeAgencies(out, agencies);

        assertThat(RegistryCsv.readAgencies(new StringReader(out.toString()), "round-trip")).isEqualTo(agencies);
    }
}
