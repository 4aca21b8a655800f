package org.itaoversight.demo;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.itaoversight.api.commands.CommandErrors;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.demo.synthetic.NationalResultsGenerator;
import org.itaoversight.tenants.registry.NationalRegistryGenerator;
import org.itaoversight.tenants.registry.RegistryCsv;

/** {@code generate --years 2561-2568 --out DIR [--seed N]}: a synthetic national dataset for the generated registry. */
public class GenerateCommand extends Command {

    private final PrintStream out;

    public GenerateCommand(PrintStream out) {
        super("generate", "Writes a synthetic national ITA dataset (wide results and long question scores) per year");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--years").setDefault("2561-2568").help("first-last fiscal years, e.g. 2561-2568");
        subparser.addArgument("--out").required(true).help("output directory");
        subparser.addArgument("--seed").type(Long.class).setDefault(2568L).help("random seed (same seed, same data)");
        subparser.addArgument("--registry-seed").dest("registrySeed").type(Long.class).setDefault(2568L)
                .help("seed of the generated registry (must match the application's registry.seed)");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        String[] years = namespace.getString("years").split("-");
        if (years.length != 2) {
            throw new IllegalArgumentException("--years must be first-last, e.g. 2561-2568");
        }
        long started = System.nanoTime();
        NationalResultsGenerator.Written written = new NationalResultsGenerator(Catalog.bundled(), namespace.getLong("seed"))
                .write(new NationalRegistryGenerator(namespace.getLong("registrySeed"))
                                .generate(RegistryCsv.bundledProvinces(), RegistryCsv.bundledSampleAgencies()),
                        Integer.parseInt(years[0].strip()), Integer.parseInt(years[1].strip()), Path.of(namespace.getString("out")));
        out.printf("wrote %,d result rows and %,d question scores in %d files to %s in %.1f s%n", written.resultRows(),
                written.questionRows(), written.files().size(), namespace.getString("out"), (System.nanoTime() - started) / 1e9);
    }

    @Override
    public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.print(cli, "generate", error);
    }
}
