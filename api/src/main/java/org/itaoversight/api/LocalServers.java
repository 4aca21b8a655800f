package org.itaoversight.api;

import io.dropwizard.lifecycle.Managed;

/**
 * Servers started on this machine for one run of the application or of a batch command (the demo stack's embedded
 * PostgreSQL, ClickHouse and Keycloak), stopped with it. In production there are none.
 */
public interface LocalServers extends Managed, AutoCloseable {

    /** No server started here: the configuration names running ones. */
    LocalServers NONE = () -> { };

    @Override
    void close();

    @Override
    default void stop() {
        close();
    }
}
