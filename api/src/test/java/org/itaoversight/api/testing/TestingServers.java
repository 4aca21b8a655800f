package org.itaoversight.api.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the real servers they need — {@link TestingPostgres}, {@link TestingClickHouse}, a two-shard
 * {@link TestingClickHouseCluster}, the whole {@link TestingOversightApi} — started once per
 * test JVM on first use and stopped when the JVM's test run ends (they live in JUnit's root store). Use with
 * {@code @ExtendWith(TestingServers.class)} and constructor or method parameters.
 */
public final class TestingServers implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestingServers.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestingPostgres.class || type == TestingClickHouse.class || type == TestingOversightApi.class
                || type == TestingKeycloak.class || type == TestingClickHouseCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Class<?> type = parameter.getParameter().getType();
        if (type == TestingPostgres.class) {
            return postgres(store);
        }
        if (type == TestingClickHouse.class) {
            return clickhouse(store);
        }
        if (type == TestingKeycloak.class) {
            return keycloak(store);
        }
        if (type == TestingClickHouseCluster.class) {
            // Two shards: the smallest cluster on which a Distributed table reads and writes across nodes.
            return store.getOrComputeIfAbsent(TestingClickHouseCluster.class, key -> TestingClickHouseCluster.start(2),
                    TestingClickHouseCluster.class);
        }
        return store.getOrComputeIfAbsent(TestingOversightApi.class,
                key -> TestingOversightApi.start(postgres(store), clickhouse(store), keycloak(store)), TestingOversightApi.class);
    }

    private static TestingPostgres postgres(ExtensionContext.Store store) {
        return store.getOrComputeIfAbsent(TestingPostgres.class, key -> TestingPostgres.start(), TestingPostgres.class);
    }

    private static TestingKeycloak keycloak(ExtensionContext.Store store) {
        return store.getOrComputeIfAbsent(TestingKeycloak.class, key -> TestingKeycloak.start(), TestingKeycloak.class);
    }

    private static TestingClickHouse clickhouse(ExtensionContext.Store store) {
        return store.getOrComputeIfAbsent(TestingClickHouse.class, key -> TestingClickHouse.start(), TestingClickHouse.class);
    }
}
