package org.itaoversight.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry's read resources, through HTTP on the running application with the generated national registry. */
@ExtendWith(TestingServers.class)
class ProvinceResourcesTest {

    private final TestingOversightApi api;

    ProvinceResourcesTest(TestingOversightApi api) {
        this.api = api;
    }

    @Test
    void listsTheSeventySevenProvincesWithTheirAgencyCounts() {
        TestingOversightApi.Response response = api.as("platform-admin").get("/api/v1/provinces");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualToIgnoringCase("application/json;charset=UTF-8");
        assertThat(response.json().get("count").asInt()).isEqualTo(77);
        JsonNode provinces = response.json().get("provinces");
        assertThat(provinces).hasSize(77);
        assertThat(provinces.get(0).get("code").asText()).isEqualTo("10");
        assertThat(provinces.get(0).get("nameTh").asText()).isEqualTo("กรุงเทพมหานคร");
        int total = 0;
        for (JsonNode province : provinces) {
            total += province.get("agencyCount").asInt();
        }
        assertThat(total).isEqualTo(7_850);
    }

    @Test
    void oneProvinceWithItsRegion() {
        JsonNode korat = api.as("platform-admin").get("/api/v1/provinces/30").json();

        assertThat(korat.get("nameTh").asText()).isEqualTo("นครราชสีมา");
        assertThat(korat.get("regionTh").asText()).isEqualTo("ภาคตะวันออกเฉียงเหนือ");
        assertThat(korat.get("agencyCount").asInt()).isBetween(300, 345);
    }

    @Test
    void theAgenciesOfAProvinceIncludeTheSampleAgency() {
        TestingOversightApi.Response response = api.as("platform-admin").get("/api/v1/provinces/73/agencies");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("province").get("nameTh").asText()).isEqualTo("นครปฐม");
        JsonNode agencies = response.json().get("agencies");
        assertThat(response.json().get("count").asInt()).isEqualTo(agencies.size());
        assertThat(codes(agencies)).contains("6730301").isSorted();
        JsonNode bangRakam = find(agencies, "6730301");
        assertThat(bangRakam.get("nameTh").asText()).isEqualTo("องค์การบริหารส่วนตำบลบางระกำ");
        assertThat(bangRakam.get("shortNameTh").asText()).isEqualTo("อบต.บางระกำ");
        assertThat(bangRakam.get("type").asText()).isEqualTo("SUBDISTRICT_ADMINISTRATION");
        assertThat(bangRakam.get("districtTh").asText()).isEqualTo("นครชัยศรี");
    }

    @Test
    void theAgenciesOfLoeiAreInItsRealDistrictsAndNamedAfterTheirRealPlaces() {
        TestingOversightApi.Response response = api.as("platform-admin").get("/api/v1/provinces/42/agencies");

        assertThat(response.status()).isEqualTo(200);
        JsonNode agencies = response.json().get("agencies");
        java.util.Set<String> districts = new java.util.TreeSet<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        agencies.forEach(agency -> {
            districts.add(agency.get("districtTh").asText());
            names.add(agency.get("shortNameTh").asText());
        });
        // The fourteen districts (อำเภอ) of เลย, and real subdistricts (ตำบล) of them named in agencies' names.
        assertThat(districts).containsExactlyInAnyOrder("เมืองเลย", "นาด้วง", "เชียงคาน", "ปากชม", "ด่านซ้าย", "นาแห้ว",
                "ภูเรือ", "ท่าลี่", "วังสะพุง", "ภูกระดึง", "ภูหลวง", "ผาขาว", "เอราวัณ", "หนองหิน");
        assertThat(names).contains("อบจ.เลย", "ทม.เลย");
        assertThat(names).anyMatch(name -> name.endsWith("เชียงคาน"))
                .anyMatch(name -> name.endsWith("นาอ้อ")).anyMatch(name -> name.endsWith("หาดทรายขาว"));
        JsonNode chiangKhan = api.as("platform-admin")
                .get("/api/v1/provinces/42/agencies?district=%E0%B9%80%E0%B8%8A%E0%B8%B5%E0%B8%A2%E0%B8%87%E0%B8%84%E0%B8%B2%E0%B8%99")
                .json().get("agencies");
        assertThat(chiangKhan.size()).isBetween(8, 14);
    }

    @Test
    void agenciesFilterByTypeInEnglishOrThaiAndByDistrict() {
        JsonNode sao = api.as("platform-admin").get("/api/v1/provinces/73/agencies?type=SUBDISTRICT_ADMINISTRATION").json().get("agencies");
        JsonNode saoThai = api.as("platform-admin").get("/api/v1/provinces/73/agencies?type=%E0%B8%AD%E0%B8%9A%E0%B8%95.").json().get("agencies");
        JsonNode district = api.as("platform-admin").get("/api/v1/provinces/73/agencies?district=%E0%B8%99%E0%B8%84%E0%B8%A3%E0%B8%8A%E0%B8%B1%E0%B8%A2%E0%B8%A8%E0%B8%A3%E0%B8%B5")
                .json().get("agencies");

        assertThat(sao.size()).isPositive();
        assertThat(codes(sao)).allSatisfy(code -> assertThat(code).startsWith("6"));
        assertThat(codes(saoThai)).isEqualTo(codes(sao));
        assertThat(district).allSatisfy(agency -> assertThat(agency.get("districtTh").asText()).isEqualTo("นครชัยศรี"));
        assertThat(codes(district)).contains("6730301");
    }

    @Test
    void anUnknownProvinceIsNotFoundAndAMalformedCodeOrTypeIsABadRequest() {
        TestingOversightApi.Response unknown = api.as("platform-admin").get("/api/v1/provinces/99/agencies");
        TestingOversightApi.Response malformed = api.as("platform-admin").get("/api/v1/provinces/7A");
        TestingOversightApi.Response badType = api.as("platform-admin").get("/api/v1/provinces/73/agencies?type=village");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).isEqualTo("province 99 is not in the registry");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("message").asText()).contains("two digits", "7A");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("message").asText()).contains("'village' is not an agency type");
    }

    private static List<String> codes(JsonNode agencies) {
        List<String> codes = new ArrayList<>();
        agencies.forEach(agency -> codes.add(agency.get("code").asText()));
        return codes;
    }

    private static JsonNode find(JsonNode agencies, String code) {
        for (JsonNode agency : agencies) {
            if (agency.get("code").asText().equals(code)) {
                return agency;
            }
        }
        throw new AssertionError("no agency " + code);
    }
}
