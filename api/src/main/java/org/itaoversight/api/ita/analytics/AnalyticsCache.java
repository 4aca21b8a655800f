package org.itaoversight.api.ita.analytics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One cache of analytics answers for the whole API instance — every analytics endpoint and the reports read through
 * it — keyed by the {@link DataVersion} and the query with its arguments. Each read first reads the current version
 * (one PostgreSQL primary-key read), so an answer cached under an older version is never served once a change has
 * raised the version; when a newer version is seen, the older entries are dropped.
 */
public final class AnalyticsCache {

    /** What a cached answer is found by: the data version, the query and its arguments. */
    private record Key(long version, String query, List<Object> arguments) {
    }

    private final DataVersion version;
    private final Cache<Key, Object> answers;
    private final AtomicLong newestSeen = new AtomicLong();

    public AnalyticsCache(DataVersion version, long maxEntries, Duration expireAfterAccess) {
        this.version = version;
        this.answers = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterAccess(expireAfterAccess).recordStats().build();
    }

    /** The analytics of {@code delegate} (the ClickHouse DAO), answered from the cache when the data is unchanged. */
    public AnalyticsDao wrap(AnalyticsDao delegate) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == org.jdbi.v3.sqlobject.SqlObject.class) {
                return invoke(delegate, method, args);  // the handle's plumbing, not an answer
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "AnalyticsCache(" + delegate + ")";
                };
            }
            return read(method, args == null ? List.of() : Arrays.asList(args), () -> invoke(delegate, method, args));
        };
        return (AnalyticsDao) Proxy.newProxyInstance(AnalyticsDao.class.getClassLoader(), new Class<?>[] {AnalyticsDao.class}, handler);
    }

    private Object read(Method method, List<Object> arguments, java.util.function.Supplier<Object> query) {
        long current = version.current();
        if (newestSeen.getAndAccumulate(current, Math::max) < current) {
            answers.invalidateAll();
        }
        return answers.get(new Key(current, method.getName(), arguments), key -> {
            Object answer = query.get();
            return answer instanceof List<?> list ? Collections.unmodifiableList(list) : answer;
        });
    }

    private static Object invoke(AnalyticsDao delegate, Method method, Object[] args) {
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hits, misses, hit rate, entries and the newest data version seen, under {@code analytics.cache.*}. */
    public void registerMetrics(MetricRegistry metrics) {
        metrics.register("analytics.cache.hits", (Gauge<Long>) () -> answers.stats().hitCount());
        metrics.register("analytics.cache.misses", (Gauge<Long>) () -> answers.stats().missCount());
        metrics.register("analytics.cache.hit-rate", (Gauge<Double>) () -> answers.stats().hitRate());
        metrics.register("analytics.cache.entries", (Gauge<Long>) answers::estimatedSize);
        metrics.register("analytics.cache.data-version", (Gauge<Long>) newestSeen::get);
    }
}
