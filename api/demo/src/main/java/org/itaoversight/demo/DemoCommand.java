package org.itaoversight.demo;

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

    /** The demo also seeds the synthetic national results and a monthly schedule on its first run, and catches mail. */
    @Override
    protected void run(Bootstrap<OversightConfiguration> bootstrap, Namespace namespace, OversightConfiguration configuration)
            throws Exception {
        DemoConfiguration demo = (DemoConfiguration) configuration;
        demo.setSeedDemoData(true);
        demo.getEmbedded().setMailCatcher(true);
        super.run(bootstrap, namespace, configuration);
    }
}
