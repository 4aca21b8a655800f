package org.itaoversight.api.registry;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The registry mirrored into ClickHouse ({@code agency_dimension}) for analytics joins. */
public interface AgencyDimensionDao {

    /** ClickHouse has no transactions: the batch goes as one INSERT, which ClickHouse applies atomically. */
    @SqlBatch(value = "INSERT INTO agency_dimension (province_code, agency_code, name_th, agency_type, district_th, version) "
            + "VALUES (:provinceCode, :code, :nameTh, :agencyType, :districtTh, :version)",
            transactional = false)
    void insert(@BindMethods List<RegistryDao.AgencyRow> agencies, @Bind("version") Instant version);

    @SqlQuery("SELECT count() FROM (SELECT agency_code FROM agency_dimension FINAL)")
    long countAgencies();
}
