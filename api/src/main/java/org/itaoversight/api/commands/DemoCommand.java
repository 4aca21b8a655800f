package org.itaoversight.api.commands;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import org.itaoversight.api.OversightConfiguration;

/**
 * {@code demo}: the whole platform on one machine with nothing installed — embedded PostgreSQL and ClickHouse,
 * both schemas, the national registry — serving until Ctrl-C. The same code as {@code server}; only the
 * configuration's {@code embedded} URLs differ from production.
 */
public class DemoCommand extends ServerCommand<OversightConfiguration> {

    public DemoCommand(Application<OversightConfiguration> application) {
        super(application, "demo", "Runs the whole platform on embedded PostgreSQL and ClickHouse until Ctrl-C");
    }
}
