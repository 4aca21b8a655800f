package org.itaoversight.demo.seeding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.loading.ResultFile;
import org.itaoversight.api.ita.loading.ResultFileReader;
import org.itaoversight.api.ita.loading.ResultLoader;
import org.itaoversight.demo.synthetic.NationalResultsGenerator;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's results: when ClickHouse holds none, the synthetic national dataset is generated and loaded through the
 * regular loader — eight years of results for every agency, and the latest year's question scores — so that the
 * analytics answer from the first start. Later starts find the results and do nothing.
 */
public final class DemoResults {

    public static final int FIRST_YEAR = 2561;
    public static final int LAST_YEAR = 2568;

    private static final Logger LOG = LoggerFactory.getLogger(DemoResults.class);

    private final Catalog catalog;
    private final Jdbi clickhouse;
    private final Jdbi postgres;

    public DemoResults(Catalog catalog, Jdbi clickhouse, Jdbi postgres) {
        this.catalog = catalog;
        this.clickhouse = clickhouse;
        this.postgres = postgres;
    }

    public void seedIfEmpty(AgencyRegistry registry, Path directory) {
        long present = clickhouse.withHandle(h -> h.createQuery("SELECT count() FROM ita_result").mapTo(Long.class).one());
        if (present > 0) {
            return;
        }
        long started = System.nanoTime();
        try {
            NationalResultsGenerator.Written written = new NationalResultsGenerator(catalog, 2568)
                    .write(registry, FIRST_YEAR, LAST_YEAR, directory);
            ResultFileReader reader = new ResultFileReader(catalog, registry);
            ResultLoader loader = new ResultLoader(clickhouse, postgres, Clock.systemUTC());
            for (Path file : written.files()) {
                String name = file.getFileName().toString();
                if (name.startsWith("ita-results-") || name.equals("ita-questions-" + LAST_YEAR + ".csv")) {
                    ResultFile checked = reader.read(name, Files.readAllBytes(file));
                    loader.load(checked, new ResultLoader.Loader("demo", "demo"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not seed the demo results in " + directory, e);
        }
        LOG.info("Demo results loaded: {} agencies × {}–{}, question scores of {} ({} ms)", registry.agencyCount(),
                FIRST_YEAR, LAST_YEAR, LAST_YEAR, (System.nanoTime() - started) / 1_000_000);
    }
}
