package org.itaoversight.api.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the real servers they need — {@link TestingPostgres}, {@link TestingClickHouse} — started once per
 * test JVM on first use and stopped when the JVM's test run ends (they live in JUnit's root store). Use with
 * {@code @ExtendWith(TestingServers.class)} and constructor or method parameters.
 */
public final class TestingServers implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestingServers.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestingPostgres.class || type == TestingClickHouse.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Class<?> type = parameter.getParameter().getType();
        if (type == TestingPostgres.class) {
            return store.getOrComputeIfAbsent(TestingPostgres.class, key -> TestingPostgres.start(), TestingPostgres.class);
        }
        return store.getOrComputeIfAbsent(TestingClickHouse.class, key -> TestingClickHouse.start(), TestingClickHouse.class);
    }
}
