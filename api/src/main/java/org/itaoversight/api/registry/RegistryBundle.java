package org.itaoversight.api.registry;

import io.dropwizard.core.setup.Environment;
import org.itaoversight.api.FeatureBundle;
import org.itaoversight.api.Platform;

/**
 * The registry: loads the configured code list at start (unchanged lists are skipped), and serves provinces and
 * agencies, and the platform administrator's registry upload.
 */
public final class RegistryBundle implements FeatureBundle {

    @Override
    public void run(Platform platform, Environment environment) {
        RegistryLoader loader = new RegistryLoader(platform.databases().postgres(), platform.databases().clickhouse(), platform.clock());
        RegistryConfiguration configuration = platform.configuration().getRegistry();
        if (configuration.isLoadOnStart()) {
            RegistrySource source = new RegistrySource(configuration);
            loader.load(source.load(), source.describe());
        }
        environment.jersey().register(new ProvincesResource(platform.registry(), platform.policy()));
        environment.jersey().register(new ProvinceResource(platform.registry(), platform.access()));
        environment.jersey().register(new AgencyResource(platform.access()));
        environment.jersey().register(new RegistryAgenciesResource(loader, platform.policy(), platform.audit()));
    }
}
