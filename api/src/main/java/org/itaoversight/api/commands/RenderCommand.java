package org.itaoversight.api.commands;

import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.measures.MeasureDao;
import org.itaoversight.api.registry.ProvinceView;
import org.itaoversight.api.registry.RegistryDao;
import org.itaoversight.api.reports.ReportData;
import org.itaoversight.api.reports.ReportPdfs;
import org.itaoversight.tenants.registry.Agency;

/** {@code render agency|province CODE --year Y --out FILE [--thai-digits] [--as-of DATE]}: one Thai PDF summary. */
public class RenderCommand extends BatchCommand {

    public RenderCommand(PrintStream out) {
        super("render", "Renders an agency or province summary (Thai PDF) from the databases", out);
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("scope").choices("agency", "province").help("agency or province");
        subparser.addArgument("code").help("the agency code (e.g. 6730301) or province code (e.g. 73)");
        subparser.addArgument("--year").type(Integer.class).required(true).help("the fiscal year (พ.ศ.)");
        subparser.addArgument("--out").required(true).help("the PDF file to write");
        subparser.addArgument("--thai-digits").dest("thaiDigits").action(Arguments.storeTrue()).help("numbers in Thai digits");
        subparser.addArgument("--as-of").dest("asOf").help("count measure completion as of this day (ISO date, CE)");
    }

    @Override
    protected void run(Bootstrap<OversightConfiguration> bootstrap, Namespace namespace, OversightConfiguration configuration)
            throws Exception {
        Catalog catalog = Catalog.bundled();
        int year = namespace.getInt("year");
        Framework framework = catalog.framework(year).orElseThrow(() -> new IllegalArgumentException(
                "year " + year + " is not in the ITA catalog (" + catalog.years().first() + "–" + catalog.years().last() + ")"));
        Optional<LocalDate> asOf = Optional.ofNullable(namespace.getString("asOf")).map(LocalDate::parse);
        String code = namespace.getString("code");
        Path out = Path.of(namespace.getString("out"));
        try (CommandDatabases opened = CommandDatabases.open(bootstrap, configuration, "render command", false)) {
            RegistryDao registry = opened.databases().postgres().onDemand(RegistryDao.class);
            ReportPdfs reports = new ReportPdfs(new ReportData(opened.databases().clickhouse().onDemand(AnalyticsDao.class),
                    opened.databases().postgres().onDemand(MeasureDao.class), registry, catalog, Clock.systemUTC(),
                    configuration.smallGroups()), Clock.systemUTC());
            long started = System.nanoTime();
            byte[] pdf;
            if (namespace.getString("scope").equals("agency")) {
                Agency agency = registry.findAgency(code).map(RegistryDao.AgencyRow::toAgency)
                        .orElseThrow(() -> new IllegalArgumentException("no agency " + code + " in the registry"));
                pdf = reports.agency(agency, framework, year, asOf, namespace.getBoolean("thaiDigits"));
            } else {
                ProvinceView province = registry.findProvince(code)
                        .orElseThrow(() -> new IllegalArgumentException("no province " + code + " in the registry"));
                pdf = reports.province(province, framework, year, asOf, namespace.getBoolean("thaiDigits"));
            }
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.write(out, pdf);
            this.out.printf("wrote %s (%,d bytes) in %d ms%n", out, pdf.length, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
