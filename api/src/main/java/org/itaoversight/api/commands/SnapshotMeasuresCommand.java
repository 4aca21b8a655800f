package org.itaoversight.api.commands;

import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.api.measures.CompletionSnapshots;

/** {@code snapshot-measures --month YYYY-MM --year FISCAL_YEAR}: the monthly snapshot of measure completion. */
public class SnapshotMeasuresCommand extends BatchCommand {

    public SnapshotMeasuresCommand(PrintStream out) {
        super("snapshot-measures", "Takes the monthly snapshot of measure completion into ClickHouse", out);
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--month").required(true).help("the month (CE), e.g. 2023-06: figures as of its last day");
        subparser.addArgument("--year").type(Integer.class).required(true).help("the fiscal year (พ.ศ.) of the measures");
    }

    @Override
    protected void run(Bootstrap<OversightConfiguration> bootstrap, Namespace namespace, OversightConfiguration configuration) {
        YearMonth month;
        try {
            month = YearMonth.parse(namespace.getString("month"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--month must look like 2023-06, got '" + namespace.getString("month") + "'");
        }
        try (CommandDatabases opened = CommandDatabases.open(bootstrap, configuration, "snapshot-measures command", false)) {
            int agencies = new CompletionSnapshots(opened.databases().postgres(), opened.databases().clickhouse(), Clock.systemUTC())
                    .take(month, namespace.getInt("year"));
            out.println("snapshot of " + month + " (fiscal year " + namespace.getInt("year") + "): " + agencies + " agencies");
        }
    }

}
