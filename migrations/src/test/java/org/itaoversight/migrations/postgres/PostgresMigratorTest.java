package org.itaoversight.migrations.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresMigratorTest {

    private EmbeddedPostgres postgres;

    @BeforeAll
    void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void createsTheRegistrySchemaAndIsANoOpTheSecondTime() throws SQLException {
        PostgresMigrator migrator = new PostgresMigrator(postgres.getPostgresDatabase());

        migrator.migrate();
        int changeSets = count("SELECT count(*) FROM databasechangelog");
        migrator.migrate();

        assertThat(tables()).contains("province", "agency", "registry_load");
        assertThat(changeSets).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT count(*) FROM databasechangelog")).isEqualTo(changeSets);
    }

    @Test
    void theSchemaEnforcesCodesAndReferences() throws SQLException {
        new PostgresMigrator(postgres.getPostgresDatabase()).migrate();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO province VALUES ('73', 'นครปฐม', 'Nakhon Pathom', 'CENTRAL', 7) ON CONFLICT DO NOTHING");

            assertThatThrownBy(() -> statement.execute("INSERT INTO agency (code, name_th, agency_type, province_code, district_th) "
                    + "VALUES ('6990101', 'องค์การบริหารส่วนตำบลก', 'SUBDISTRICT_ADMINISTRATION', '99', 'ก')"))
                    .hasMessageContaining("agency_province_code_fkey");
            assertThatThrownBy(() -> statement.execute("INSERT INTO agency (code, name_th, agency_type, province_code, district_th) "
                    + "VALUES ('67X', 'องค์การบริหารส่วนตำบลก', 'SUBDISTRICT_ADMINISTRATION', '73', 'ก')"))
                    .hasMessageContaining("agency_code_check");
        }
    }

    @Test
    void returnsItsConnectionInAutoCommitModeAsAPoolWouldHandItOut() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            DataSource oneConnection = singleConnection(connection);

            new PostgresMigrator(oneConnection).migrate();

            assertThat(connection.isClosed()).isFalse();
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    /** A data source that hands out one shared connection and ignores close(), like a pool of one. */
    private static DataSource singleConnection(Connection connection) {
        Connection shared = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return shared;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
