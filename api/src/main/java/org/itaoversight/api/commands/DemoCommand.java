package org.itaoversight.api.commands;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import org.itaoversight.api.OversightConfiguration;

/**
 * {@code demo}: the whole platform on one machine with nothing installed — embedded PostgreSQL and ClickHouse,
 * both schemas, the national registry, Keycloak with the demo realm, and (on the first run) eight years of synthetic
 * national results — serving until Ctrl-C. The same code as {@code server}; only the
 * configuration's {@code embedded} URLs differ from production.
 */
public class DemoCommand extends ServerCommand<OversightConfiguration> {

    public DemoCommand(Application<OversightConfiguration> application) {
        super(application, "demo", "Runs the whole platform on embedded PostgreSQL and ClickHouse until Ctrl-C");
    }

    /** The demo also seeds the synthetic national results on its first run. */
    @Override
    protected void run(Bootstrap<OversightConfiguration> bootstrap, Namespace namespace, OversightConfiguration configuration)
            throws Exception {
        configuration.setSeedDemoResults(true);
        configuration.getEmbedded().setMailCatcher(true);
        super.run(bootstrap, namespace, configuration);
    }
}
