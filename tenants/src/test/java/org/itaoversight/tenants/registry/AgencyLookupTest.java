package org.itaoversight.tenants.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgencyLookupTest {

    private static final List<Province> PROVINCES = List.of(
            new Province("10", "กรุงเทพมหานคร", "Bangkok", Region.CENTRAL, 50),
            new Province("42", "เลย", "Loei", Region.NORTHEAST, 14),
            new Province("65", "พิษณุโลก", "Phitsanulok", Region.NORTH, 9),
            new Province("73", "นครปฐม", "Nakhon Pathom", Region.CENTRAL, 7),
            new Province("76", "เพชรบุรี", "Phetchaburi", Region.WEST, 8),
            new Province("91", "สตูล", "Satun", Region.SOUTH, 7),
            new Province("92", "ตรัง", "Trang", Region.SOUTH, 10));

    static final AgencyRegistry REGISTRY = AgencyRegistry.of(PROVINCES, List.of(
            new Agency("1100101", "กรุงเทพมหานคร", AgencyType.SPECIAL, "10", "พระนคร"),
            new Agency("2420101", "องค์การบริหารส่วนจังหวัดเลย", AgencyType.PROVINCIAL_ADMINISTRATION, "42", "เมืองเลย"),
            new Agency("4420101", "เทศบาลเมืองเลย", AgencyType.TOWN_MUNICIPALITY, "42", "เมืองเลย"),
            new Agency("6420101", "องค์การบริหารส่วนตำบลเมือง", AgencyType.SUBDISTRICT_ADMINISTRATION, "42", "เมืองเลย"),
            new Agency("5420101", "เทศบาลตำบลนาอ้อ", AgencyType.SUBDISTRICT_MUNICIPALITY, "42", "เมืองเลย"),
            new Agency("6650401", "องค์การบริหารส่วนตำบลบางระกำ", AgencyType.SUBDISTRICT_ADMINISTRATION, "65", "บางระกำ"),
            new Agency("5650401", "เทศบาลตำบลบางระกำ", AgencyType.SUBDISTRICT_MUNICIPALITY, "65", "บางระกำ"),
            new Agency("6730301", "องค์การบริหารส่วนตำบลบางระกำ", AgencyType.SUBDISTRICT_ADMINISTRATION, "73", "นครชัยศรี"),
            new Agency("5730501", "เทศบาลตำบลบางระกำ", AgencyType.SUBDISTRICT_MUNICIPALITY, "73", "บางเลน"),
            new Agency("6760401", "องค์การบริหารส่วนตำบลถ้ำรงค์", AgencyType.SUBDISTRICT_ADMINISTRATION, "76", "บ้านลาด"),
            new Agency("6910501", "องค์การบริหารส่วนตำบลน้ำผุด", AgencyType.SUBDISTRICT_ADMINISTRATION, "91", "ละงู"),
            new Agency("6920101", "องค์การบริหารส่วนตำบลน้ำผุด", AgencyType.SUBDISTRICT_ADMINISTRATION, "92", "เมืองตรัง")));

    private final AgencyLookup lookup = new AgencyLookup(REGISTRY);

    @ParameterizedTest
    @ValueSource(strings = {
            "องค์การบริหารส่วนตำบลถ้ำรงค์",
            "อบต.ถ้ำรงค์",
            "อบต. ถ้ำรงค์",
            "อบต ถ้ำรงค์",
            "อ.บ.ต.ถ้ำรงค์",
            "องค์การบริหาร ส่วนตำบลถ้ำรงค์",
            "องค์การบริหารส่วน ตำบล ถ้ำรงค์",
            "องค์กรบริหารส่วนตำบลถ้ำรงค์",
            "  องค์การบริหารส่วนตำบลถ้ำรงค์\u200B ",
            "ถ้ำรงค์",
            "อบต.ถ้ำรงค์ อ.บ้านลาด จ.เพชรบุรี",
            "องค์การบริหารส่วนตำบลถ้ำรงค์ อำเภอบ้านลาด จังหวัดเพชรบุรี",
            "องค์การบริหารส่วนตำบลถ้ำรงค์อำเภอบ้านลาดจังหวัดเพชรบุรี",
            "องค์การบริหารส่วนตำบลถ้ำรงค์ จังหวัดเพชรบุรี",
            "องค์การบริหารส่วนตำบลถ้ำรงค์ : ๘๙.๗๙ คะแนน ระดับ A"})
    void findsAnAgencyHoweverItsNameIsWritten(String written) {
        assertThat(lookup.find(written)).isEqualTo(new AgencyLookup.Found(REGISTRY.agency("6760401").orElseThrow()));
    }

    @Test
    void findsMunicipalitiesAndProvincialAdministrationsByTheirOwnForms() {
        assertThat(code("เทศบาลเมืองเลย")).contains("4420101");
        assertThat(code("ทม.เลย")).contains("4420101");
        assertThat(code("ท.ม.เลย อ.เมือง จ.เลย")).contains("4420101");
        assertThat(code("เทศบาลเลย")).contains("4420101");
        assertThat(code("ทต.นาอ้อ")).contains("5420101");
        assertThat(code("เทศบาลตำบลนาอ้อ อำเภอเมืองเลย จังหวัดเลย")).contains("5420101");
        assertThat(code("องค์การบริหารส่วนจังหวัดเลย")).contains("2420101");
        assertThat(code("องค์การบริหารส่วนจังหวัดเลย จังหวัดเลย")).contains("2420101");
        assertThat(code("อบจ.เลย")).contains("2420101");
        assertThat(code("อบต.เมือง อ.เมือง จ.เลย")).contains("6420101");
        assertThat(code("กรุงเทพมหานคร")).contains("1100101");
    }

    @Nested
    class WhenSeveralAgenciesFit {

        @Test
        void theSameSubdistrictNameInTwoProvincesNeedsTheProvince() {
            AgencyLookup.Result result = lookup.find("องค์การบริหารส่วนตำบลน้ำผุด");

            assertThat(candidates(result)).containsExactly("6910501", "6920101");
            assertThat(result.problemTh()).get().asString()
                    .contains("2 แห่ง", "อบต.น้ำผุด (6910501 อำเภอละงู จังหวัดสตูล)", "กรุณาระบุอำเภอและจังหวัด");
            assertThat(code("อบต.น้ำผุด จ.ตรัง")).contains("6920101");
            assertThat(code("อบต.น้ำผุด อ.ละงู")).contains("6910501");
        }

        @Test
        void aSubdistrictWithBothATownshipAndAnAdministrationNeedsTheType() {
            AgencyLookup.Result bare = lookup.find("บางระกำ อำเภอบางระกำ จังหวัดพิษณุโลก");

            assertThat(candidates(bare)).containsExactly("5650401", "6650401");
            assertThat(code("อบต.บางระกำ อำเภอบางระกำ จังหวัดพิษณุโลก")).contains("6650401");
            assertThat(code("ทต.บางระกำ อ.บางระกำ จ.พิษณุโลก")).contains("5650401");
            assertThat(candidates(lookup.find("เทศบาลบางระกำ"))).containsExactly("5650401", "5730501");
        }

        @Test
        void aNameWithoutItsPlaceInManyProvincesListsThemAll() {
            assertThat(candidates(lookup.find("อบต.บางระกำ"))).containsExactly("6650401", "6730301");
            assertThat(code("อบต.บางระกำ จ.นครปฐม")).contains("6730301");
        }
    }

    @Nested
    class WhenTheDocumentAndTheRegistryDisagree {

        @Test
        void aTownshipWhereTheRegistryHasAnAdministrationIsAskedNotGuessed() {
            AgencyLookup.Result result = lookup.find("เทศบาลตำบลถ้ำรงค์ อำเภอบ้านลาด จังหวัดเพชรบุรี");

            assertThat(result).isInstanceOf(AgencyLookup.Ambiguous.class);
            assertThat(result.found()).isEmpty();
            assertThat(candidates(result)).containsExactly("6760401");
            assertThat(result.problemTh()).get().asString()
                    .contains("ไม่พบ \"เทศบาลตำบลถ้ำรงค์ อำเภอบ้านลาด จังหวัดเพชรบุรี\"", "ประเภทอื่น", "อบต.ถ้ำรงค์");
        }

        @Test
        void anAdministrationInADistrictWhereTheRegistryHasOnlyATownshipIsAsked() {
            AgencyLookup.Result result = lookup.find("อบต.บางระกำ อำเภอบางเลน จังหวัดนครปฐม");

            assertThat(candidates(result)).containsExactly("5730501");
            assertThat(result.found()).isEmpty();
        }

        @Test
        void theRightNameInAnotherDistrictIsAsked() {
            AgencyLookup.Result result = lookup.find("อบต.ถ้ำรงค์ อำเภอชะอำ จังหวัดเพชรบุรี");

            assertThat(candidates(result)).containsExactly("6760401");
            assertThat(result.problemTh()).get().asString().contains("พื้นที่อื่น");
        }

        @Test
        void aNameOneLetterOffIsAskedWithTheCloseName() {
            AgencyLookup.Result result = lookup.find("องค์การบริหารส่วนตำบลบางระกา อำเภอนครชัยศรี จังหวัดนครปฐม");

            assertThat(candidates(result)).containsExactly("6730301");
            assertThat(result.problemTh()).get().asString().contains("ใกล้เคียง", "อบต.บางระกำ");
        }
    }

    @Test
    void answersNotFoundWhenNothingIsClose() {
        assertThat(lookup.find("อบต.หนองไม่มีจริง")).isInstanceOf(AgencyLookup.NotFound.class)
                .extracting(AgencyLookup.Result::problemTh).isEqualTo(Optional.of("ไม่พบ \"อบต.หนองไม่มีจริง\" ในทะเบียนหน่วยงาน"));
        assertThat(lookup.find("อบต.ถ้ำรงค์ จังหวัดนาร์เนีย").problemTh()).contains("ไม่รู้จักจังหวัด \"นาร์เนีย\" ในทะเบียน");
        assertThat(lookup.find("อบต.").problemTh()).contains("ไม่พบชื่อหน่วยงาน");
        assertThat(lookup.find("").problemTh()).contains("ไม่พบชื่อหน่วยงาน");
    }

    @Test
    void parsesTheNameDistrictAndProvinceOfALine() {
        assertThat(AgencyLookup.parse("องค์การบริหารส่วนตำบลบางระกำ อำเภอนครชัยศรี จังหวัดนครปฐม")).isEqualTo(
                new AgencyLookup.Reference("องค์การบริหารส่วนตำบลบางระกำ", Optional.of("นครชัยศรี"), Optional.of("นครปฐม")));
        assertThat(AgencyLookup.parse("อบจ.เลย จ.เลย")).isEqualTo(
                new AgencyLookup.Reference("อบจ.เลย", Optional.empty(), Optional.of("เลย")));
        assertThat(AgencyLookup.parse("เทศบาลตำบลนาอ้อ")).isEqualTo(AgencyLookup.Reference.of("เทศบาลตำบลนาอ้อ"));
        assertThat(AgencyLookup.parse("กรุงเทพมหานคร เขตพระนคร").district()).contains("พระนคร");
    }

    @Test
    void findsTheSampleAgenciesAndAsksForAPairInTheGeneratedRegistry() {
        AgencyRegistry national = new NationalRegistryGenerator(2568)
                .generate(RegistryCsv.bundledProvinces(), RegistryCsv.bundledSampleAgencies());
        AgencyLookup onTheMap = new AgencyLookup(national);

        assertThat(onTheMap.find("องค์การบริหารส่วนตำบลบางระกำ อำเภอนครชัยศรี จังหวัดนครปฐม").found())
                .map(Agency::code).contains("6730301");
        assertThat(onTheMap.find("องค์การบริหารส่วนตำบลต่างอย อำเภอต่างอย จังหวัดสมุทรปราการ").found())
                .map(Agency::code).contains("6111101");
        assertThat(onTheMap.find("องค์การบริหารส่วนตำบลถ้ำรงค์").found()).map(Agency::code).contains("6760401");
        Agency township = national.agencies().stream()
                .filter(a -> a.type() == AgencyType.SUBDISTRICT_MUNICIPALITY)
                .filter(a -> national.agenciesOf(a.provinceCode()).stream().anyMatch(b -> b.districtTh().equals(a.districtTh())
                        && b.nameTh().equals("องค์การบริหารส่วนตำบล" + a.nameTh().substring("เทศบาลตำบล".length()))))
                .findFirst().orElseThrow();
        String place = township.nameTh().substring("เทศบาลตำบล".length());
        String province = national.province(township.provinceCode()).orElseThrow().nameTh();

        AgencyLookup.Result bare = onTheMap.find(place + " อำเภอ" + township.districtTh() + " จังหวัด" + province);
        assertThat(bare).isInstanceOf(AgencyLookup.Ambiguous.class);
        assertThat(((AgencyLookup.Ambiguous) bare).candidates()).hasSize(2).contains(township);
        assertThat(onTheMap.find("ทต." + place + " อ." + township.districtTh() + " จ." + province).found()).contains(township);
    }

    private Optional<String> code(String written) {
        return lookup.find(written).found().map(Agency::code);
    }

    private static List<String> candidates(AgencyLookup.Result result) {
        assertThat(result).isInstanceOf(AgencyLookup.Ambiguous.class);
        return ((AgencyLookup.Ambiguous) result).candidates().stream().map(Agency::code).sorted().collect(Collectors.toList());
    }
}
