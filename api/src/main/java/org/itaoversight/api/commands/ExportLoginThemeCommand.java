package org.itaoversight.api.commands;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.itaoversight.api.auth.theme.LoginTheme;

/** {@code export-login-theme DIR}: writes the realm's Keycloak login theme into a Keycloak's {@code themes/} directory. */
public class ExportLoginThemeCommand extends Command {

    private final PrintStream out;

    public ExportLoginThemeCommand(PrintStream out) {
        super("export-login-theme", "Writes the ita-oversight Keycloak login theme (Thai, Sarabun) into a Keycloak themes directory");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("themes").help("the themes/ directory of the Keycloak installation");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) {
        Path theme = new LoginTheme().writeTo(Path.of(namespace.getString("themes")));
        out.printf("wrote the %s login theme to %s; the realm selects it with \"loginTheme\": \"%s\"%n", LoginTheme.NAME, theme,
                LoginTheme.NAME);
    }

    @Override
    public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.print(cli, "export-login-theme", error);
    }
}
