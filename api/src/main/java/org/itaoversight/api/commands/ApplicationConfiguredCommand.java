package org.itaoversight.api.commands;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import org.itaoversight.api.OversightConfiguration;

/**
 * A command that reads its configuration as the class its application declares, as {@code server} does: the product's
 * {@link OversightConfiguration}, or the demo stack's subclass of it, which also knows the embedded servers.
 */
abstract class ApplicationConfiguredCommand extends ConfiguredCommand<OversightConfiguration> {

    private Class<OversightConfiguration> configurationClass = OversightConfiguration.class;

    ApplicationConfiguredCommand(String name, String description) {
        super(name, description);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        configurationClass = ((Bootstrap<OversightConfiguration>) bootstrap).getApplication().getConfigurationClass();
        super.run(bootstrap, namespace);
    }

    @Override
    protected Class<OversightConfiguration> getConfigurationClass() {
        return configurationClass;
    }
}
