package org.itaoversight.api.commands;

import io.dropwizard.core.cli.Cli;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Argument;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * A batch command of the application: its configuration is an option ({@code --config}, which the launcher passes)
 * so that its own positional arguments stay free, it prints to the given console, and a failure is one clear line.
 */
abstract class BatchCommand extends ApplicationConfiguredCommand {

    protected final PrintStream out;

    BatchCommand(String name, String description, PrintStream out) {
        super(name, description);
        this.out = out;
    }

    @Override
    protected Argument addFileArgument(Subparser subparser) {
        return subparser.addArgument("--config").dest("file").help("application configuration (default api/config.yml)");
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.print(cli, getName(), error);
    }
}
