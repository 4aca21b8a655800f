package org.itaoversight.api;

import io.dropwizard.core.setup.Environment;

/**
 * One feature of the application (registry, results, measures, reports, schedules, audit, dashboard): registers its
 * resources, error mappers, health checks, tasks and managed objects on the environment, from what every feature
 * shares ({@link Platform}). {@link OversightApplication#run} is the list of them; the tests start the same list.
 */
public interface FeatureBundle {

    void run(Platform platform, Environment environment);
}
