package org.itaoversight.api.registry;

import java.util.List;
import java.util.Optional;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyType;
import org.itaoversight.tenants.registry.Province;
import org.itaoversight.tenants.registry.Region;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transactional;

/** The registry in PostgreSQL. */
public interface RegistryDao extends Transactional<RegistryDao> {

    /** The columns of a {@link ProvinceView}, computed in SQL. */
    String PROVINCE_VIEW = """
            SELECT p.code, p.name_th, p.name_en, p.region,
                   CASE p.region WHEN 'NORTH' THEN 'ภาคเหนือ' WHEN 'NORTHEAST' THEN 'ภาคตะวันออกเฉียงเหนือ'
                        WHEN 'CENTRAL' THEN 'ภาคกลาง' WHEN 'EAST' THEN 'ภาคตะวันออก' WHEN 'WEST' THEN 'ภาคตะวันตก'
                        ELSE 'ภาคใต้' END AS region_th,
                   (SELECT count(*) FROM agency a WHERE a.province_code = p.code) AS agency_count
            FROM province p""";

    @SqlQuery(PROVINCE_VIEW + " ORDER BY p.code")
    @RegisterConstructorMapper(ProvinceView.class)
    List<ProvinceView> listProvinces();

    @SqlQuery(PROVINCE_VIEW + " WHERE p.code = :code")
    @RegisterConstructorMapper(ProvinceView.class)
    Optional<ProvinceView> findProvince(@Bind("code") String code);

    @SqlQuery("SELECT code, name_th, agency_type, province_code, district_th FROM agency "
            + "WHERE province_code = :provinceCode ORDER BY code")
    @RegisterConstructorMapper(AgencyRow.class)
    List<AgencyRow> listAgencies(@Bind("provinceCode") String provinceCode);

    @SqlQuery("SELECT code, name_th, agency_type, province_code, district_th FROM agency WHERE code = :code")
    @RegisterConstructorMapper(AgencyRow.class)
    Optional<AgencyRow> findAgency(@Bind("code") String code);

    @SqlQuery("SELECT code, name_th, agency_type, province_code, district_th FROM agency")
    @RegisterConstructorMapper(AgencyRow.class)
    List<AgencyRow> listAllAgencies();

    @SqlQuery("SELECT code, name_th, name_en, region AS region_name, district_count FROM province ORDER BY code")
    @RegisterConstructorMapper(ProvinceRow.class)
    List<ProvinceRow> listProvinceRows();

    @SqlQuery("SELECT count(*) FROM agency")
    int countAgencies();

    @SqlBatch("""
            INSERT INTO province (code, name_th, name_en, region, district_count)
            VALUES (:code, :nameTh, :nameEn, :regionName, :districtCount)
            ON CONFLICT (code) DO UPDATE SET name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en,
                region = EXCLUDED.region, district_count = EXCLUDED.district_count
            WHERE (province.name_th, province.name_en, province.region, province.district_count)
                IS DISTINCT FROM (EXCLUDED.name_th, EXCLUDED.name_en, EXCLUDED.region, EXCLUDED.district_count)""")
    int[] upsertProvinces(@BindMethods List<ProvinceRow> provinces);

    /** Inserts new agencies and updates changed ones; returns per row 1 when it wrote, 0 when unchanged. */
    @SqlBatch("""
            INSERT INTO agency (code, name_th, agency_type, province_code, district_th)
            VALUES (:code, :nameTh, :agencyType, :provinceCode, :districtTh)
            ON CONFLICT (code) DO UPDATE SET name_th = EXCLUDED.name_th, agency_type = EXCLUDED.agency_type,
                province_code = EXCLUDED.province_code, district_th = EXCLUDED.district_th, updated_at = now()
            WHERE (agency.name_th, agency.agency_type, agency.province_code, agency.district_th)
                IS DISTINCT FROM (EXCLUDED.name_th, EXCLUDED.agency_type, EXCLUDED.province_code, EXCLUDED.district_th)""")
    int[] upsertAgencies(@BindMethods List<AgencyRow> agencies);

    @SqlQuery("SELECT sha256 FROM registry_load ORDER BY id DESC LIMIT 1")
    Optional<String> lastLoadedSha256();

    /** Where the registry in use came from: the source of the last load that changed it. */
    @SqlQuery("SELECT source FROM registry_load ORDER BY id DESC LIMIT 1")
    Optional<String> latestLoadSource();

    @SqlUpdate("INSERT INTO registry_load (source, sha256, provinces, agencies, inserted, updated) "
            + "VALUES (:source, :sha256, :provinces, :agencies, :inserted, :updated)")
    void recordLoad(@Bind("source") String source, @Bind("sha256") String sha256, @Bind("provinces") int provinces,
                    @Bind("agencies") int agencies, @Bind("inserted") int inserted, @Bind("updated") int updated);

    /** A province row as stored. */
    record ProvinceRow(String code, String nameTh, String nameEn, String regionName, int districtCount) {
        public static ProvinceRow of(Province province) {
            return new ProvinceRow(province.code(), province.nameTh(), province.nameEn(), province.region().name(),
                    province.districtCount());
        }

        public Province toProvince() {
            return new Province(code, nameTh, nameEn, Region.valueOf(regionName), districtCount);
        }
    }

    /** An agency row as stored. */
    record AgencyRow(String code, String nameTh, String agencyType, String provinceCode, String districtTh) {
        public static AgencyRow of(Agency agency) {
            return new AgencyRow(agency.code(), agency.nameTh(), agency.type().name(), agency.provinceCode(),
                    agency.districtTh());
        }

        public Agency toAgency() {
            return new Agency(code, nameTh, AgencyType.valueOf(agencyType), provinceCode, districtTh);
        }
    }
}
