package org.itaoversight.migrations.postgres;

import java.sql.Connection;
import org.itaoversight.migrations.MigrationException;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies the PostgreSQL changelog ({@value #CHANGELOG}) with Liquibase. Liquibase's own lock table keeps two API
 * instances starting together from applying it twice. Liquibase's analytics are switched off.
 */
public final class PostgresMigrator {

    public static final String CHANGELOG = "db/postgres/changelog.xml";

    private final DataSource dataSource;

    public PostgresMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Brings the schema up to date; a no-op when it already is. The connection goes back to its pool as it came
     * (Liquibase switches auto-commit off; a pooled connection left that way makes later callers believe they are
     * inside a transaction, and their work is never committed).
     */
    public void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                update(connection);
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot connect to PostgreSQL to apply " + CHANGELOG + ": " + e.getMessage(), e);
        }
    }

    private static void update(Connection connection) {
        try {
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(PostgresMigrator.class.getClassLoader()),
                    "liquibase.analytics.enabled", Boolean.FALSE,
                    "liquibase.showBanner", Boolean.FALSE,
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    "liquibase.showSummaryOutput", "LOG");
            Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                        .execute();
            });
        } catch (Exception e) {
            throw new MigrationException("applying " + CHANGELOG + " to PostgreSQL failed: " + e.getMessage(), e);
        }
    }
}
