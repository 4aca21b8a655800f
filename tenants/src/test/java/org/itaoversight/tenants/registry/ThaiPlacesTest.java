package org.itaoversight.tenants.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThaiPlacesTest {

    private static final List<Province> PROVINCES = List.of(
            new Province("38", "บึงกาฬ", "Bueng Kan", Region.NORTHEAST, 8),
            new Province("42", "เลย", "Loei", Region.NORTHEAST, 14));

    @Test
    void matchesProvincesByNameNumbersDistrictsByCodeAndMergesASubdistrictListedOncePerPostcode() {
        ThaiPlaces places = ThaiPlaces.read(new StringReader("""
                # a comment
                P\t42\tเลย
                D\t4203\tเชียงคาน
                S\t420302\tธาตุ\t42110
                S\t420301\tเชียงคาน\t42110
                D\t4201\tเมืองเลย
                S\t420101\tกุดป่อง\t42000
                S\t420101\tกุดป่อง\t42100
                P\t97\tบึงกาฬ
                D\t\tบึงโขงหลง
                S\t\tท่าดอกคำ\t38220
                P\t99\tเมืองที่ไม่มีในรายการ
                D\t9901\tไม่มี
                S\t990101\tไม่มี\t99999
                """), "test", PROVINCES);

        assertThat(places.districtsOf("42")).extracting(ThaiPlaces.District::nameTh).containsExactly("เมืองเลย", "เชียงคาน");
        assertThat(places.districtsOf("42")).extracting(ThaiPlaces.District::number).containsExactly(1, 2);
        assertThat(places.district("42", "เมืองเลย").orElseThrow().subdistricts()).singleElement()
                .isEqualTo(new ThaiPlaces.Subdistrict("420101", "กุดป่อง", List.of("42000", "42100")));
        assertThat(places.district("42", "เชียงคาน").orElseThrow().subdistricts())
                .extracting(ThaiPlaces.Subdistrict::nameTh).containsExactly("เชียงคาน", "ธาตุ");
        assertThat(places.districtsOf("38")).singleElement().satisfies(d -> {
            assertThat(d.nameTh()).isEqualTo("บึงโขงหลง");
            assertThat(d.code()).isEmpty();
        });
        assertThat(places.districtsOf("99")).isEmpty();
        assertThat(places.subdistrictCount("42")).isEqualTo(3);
    }

    @Test
    void aMalformedLineIsReportedWithItsLineNumber() {
        assertThatThrownBy(() -> ThaiPlaces.read(new StringReader("P\t42\tเลย\nS\t420101\tกุดป่อง\nX\t1\tอะไร\nD\t4201\n"),
                "places.tsv", PROVINCES))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("places.tsv")
                .hasMessageContaining("line 2")
                .hasMessageContaining("a subdistrict outside any district")
                .hasMessageContaining("unknown kind 'X'")
                .hasMessageContaining("expected a kind, a code and a name");
    }

    @Test
    void theBundledListHasEveryProvinceAndTheRealDistrictsOfLoei() {
        ThaiPlaces places = ThaiPlaces.bundled(RegistryCsv.bundledProvinces());

        for (Province province : RegistryCsv.bundledProvinces()) {
            assertThat(places.districtsOf(province.code())).as(province.nameTh()).isNotEmpty();
        }
        assertThat(places.districtsOf("42")).extracting(ThaiPlaces.District::nameTh).containsExactlyInAnyOrder(
                "เมืองเลย", "นาด้วง", "เชียงคาน", "ปากชม", "ด่านซ้าย", "นาแห้ว", "ภูเรือ", "ท่าลี่", "วังสะพุง",
                "ภูกระดึง", "ภูหลวง", "ผาขาว", "เอราวัณ", "หนองหิน");
        assertThat(places.districtsOf("42").getFirst().nameTh()).isEqualTo("เมืองเลย");
        assertThat(places.districtsOf("30").stream().mapToInt(d -> d.subdistricts().size()).sum()).isBetween(280, 295);
    }
}
