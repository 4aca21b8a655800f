package org.itaoversight.api.audit;

import io.dropwizard.core.setup.Environment;
import org.itaoversight.api.FeatureBundle;
import org.itaoversight.api.Platform;

/** The audit trail: every write is recorded by {@link AuditLog}; this serves the trail to platform administrators. */
public final class AuditBundle implements FeatureBundle {

    @Override
    public void run(Platform platform, Environment environment) {
        environment.jersey().register(new AuditEventsResource(platform.databases().postgres().onDemand(AuditDao.class),
                platform.policy()));
    }
}
