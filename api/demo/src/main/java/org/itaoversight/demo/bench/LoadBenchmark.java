package org.itaoversight.demo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.itaoversight.tenants.registry.NationalRegistryGenerator;
import org.itaoversight.tenants.registry.Province;
import org.itaoversight.tenants.registry.RegistryCsv;

/**
 * Load through the API of a running server (the demo stack or any deployment with the generated national registry):
 * N clients for S seconds, each in a loop over the officer and agency endpoints — province ranking, matrix and trend,
 * agency standing, weakest questions and trend — as a platform administrator across every province, agency and year,
 * as a provincial officer in their province and as an agency administrator for their agency. Prints throughput,
 * p50/p95/p99 per endpoint and overall, errors, and the analytics cache's hit rate from the admin port.
 */
public final class LoadBenchmark {

    /** Where the server is and who signs in. */
    public record Settings(URI api, URI admin, URI issuer, String clientId, String clientSecret, String password, int clients,
                           Duration duration, int firstYear, int lastYear, int questionYear, List<String> only) {
    }

    private record Request(String endpoint, String path, String token) {
    }

    private final PrintStream out;
    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public LoadBenchmark(PrintStream out, Settings settings) {
        this.out = out;
        this.settings = settings;
    }

    public void run() throws Exception {
        AgencyRegistry registry = new NationalRegistryGenerator(2568).generate(RegistryCsv.bundledProvinces(),
                RegistryCsv.bundledSampleAgencies());
        List<Province> provinces = List.copyOf(registry.provinces());
        List<Agency> agencies = List.copyOf(registry.agencies());
        String admin = token("platform-admin");
        String officer = token("officer-nakhonpathom");
        String agencyAdmin = token("admin-bangrakam");
        List<Function<ThreadLocalRandom, Request>> every = List.of(
                r -> new Request("province ranking", "/api/v1/provinces/" + pick(r, provinces).code() + "/ita/ranking?year=" + year(r), admin),
                r -> new Request("province matrix", "/api/v1/provinces/" + pick(r, provinces).code() + "/ita/matrix?year=" + year(r), admin),
                r -> new Request("province trend", "/api/v1/provinces/" + pick(r, provinces).code() + "/ita/trend", admin),
                r -> new Request("agency standing", "/api/v1/agencies/" + pick(r, agencies).code() + "/ita/standing", admin),
                r -> new Request("weakest questions", "/api/v1/agencies/" + pick(r, agencies).code()
                        + "/ita/weakest-questions?year=" + settings.questionYear(), admin),
                r -> new Request("agency trend", "/api/v1/agencies/" + pick(r, agencies).code() + "/ita/trend", admin),
                r -> new Request("officer: ranking 73", "/api/v1/provinces/73/ita/ranking?year=" + year(r), officer),
                r -> new Request("officer: matrix 73", "/api/v1/provinces/73/ita/matrix?year=" + year(r), officer),
                r -> new Request("agency admin: standing", "/api/v1/agencies/6730301/ita/standing", agencyAdmin),
                r -> new Request("agency admin: weakest", "/api/v1/agencies/6730301/ita/weakest-questions?year="
                        + settings.questionYear(), agencyAdmin));
        // --only: the endpoints whose names contain one of the given words (all of them by default)
        List<Function<ThreadLocalRandom, Request>> mix = every.stream().filter(f -> settings.only().isEmpty()
                || settings.only().stream().anyMatch(word -> f.apply(ThreadLocalRandom.current()).endpoint().contains(word))).toList();
        if (mix.isEmpty()) {
            throw new IllegalArgumentException("--only " + settings.only() + " matches no endpoint");
        }

        Map<String, Double> cacheBefore = cache();
        Map<String, List<long[]>> latencies = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> errorsByEndpoint = new ConcurrentHashMap<>();
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + settings.duration().toNanos();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            Map<String, long[]> own = new LinkedHashMap<>();
            threads.add(Thread.ofPlatform().name("load-" + c).start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                Map<String, List<Long>> mine = new LinkedHashMap<>();
                while (System.nanoTime() < end) {
                    Request request = mix.get(random.nextInt(mix.size())).apply(random);
                    long start = System.nanoTime();
                    String failure = null;
                    try {
                        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(settings.api().resolve(request.path()))
                                .header("Authorization", "Bearer " + request.token()).timeout(Duration.ofSeconds(30)).GET().build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            failure = response.statusCode() + " " + request.path();
                        }
                    } catch (IOException e) {
                        failure = e + " " + request.path();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long nanos = System.nanoTime() - start;
                    if (failure != null) {
                        errors.incrementAndGet();
                        errorsByEndpoint.computeIfAbsent(request.endpoint(), k -> new AtomicLong()).incrementAndGet();
                        if (firstErrors.size() < 5) {
                            firstErrors.add(failure);
                        }
                    } else {
                        mine.computeIfAbsent(request.endpoint(), k -> new ArrayList<>()).add(nanos);
                    }
                }
                mine.forEach((endpoint, list) -> latencies.computeIfAbsent(endpoint, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add(list.stream().mapToLong(Long::longValue).toArray()));
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> cacheAfter = cache();

        out.printf("load: %d clients for %.0f s against %s (mix of %d requests: platform administrator over 77 provinces, "
                + "%d agencies and %d–%d; an officer of 73; an agency administrator)%n", settings.clients(), seconds,
                settings.api(), mix.size(), agencies.size(), settings.firstYear(), settings.lastYear());
        out.printf("%-26s %9s %9s %9s %9s %9s %7s%n", "endpoint", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors");
        List<long[]> all = new ArrayList<>();
        for (String endpoint : mix.stream().map(f -> f.apply(ThreadLocalRandom.current()).endpoint()).toList()) {
            long[] values = latencies.getOrDefault(endpoint, List.of()).stream().flatMapToLong(Arrays::stream).sorted().toArray();
            all.add(values);
            print(endpoint, values, seconds, errorsByEndpoint.getOrDefault(endpoint, new AtomicLong()).get());
        }
        long[] everything = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        print("all", everything, seconds, errors.get());
        firstErrors.forEach(error -> out.println("  error: " + error));
        if (!cacheAfter.isEmpty()) {
            double hits = cacheAfter.get("hits") - cacheBefore.getOrDefault("hits", 0.0);
            double misses = cacheAfter.get("misses") - cacheBefore.getOrDefault("misses", 0.0);
            out.printf("analytics cache during the run: %.0f hits, %.0f misses, hit rate %.1f%%%n", hits, misses,
                    100 * hits / Math.max(1, hits + misses));
        }
    }

    private void print(String endpoint, long[] sortedNanos, double seconds, long errors) {
        if (sortedNanos.length == 0) {
            out.printf("%-26s %9d %9s %9s %9s %9s %7d%n", endpoint, 0, "-", "-", "-", "-", errors);
            return;
        }
        out.printf("%-26s %9d %9.1f %9.1f %9.1f %9.1f %7d%n", endpoint, sortedNanos.length, sortedNanos.length / seconds,
                percentile(sortedNanos, 0.50), percentile(sortedNanos, 0.95), percentile(sortedNanos, 0.99), errors);
    }

    private static double percentile(long[] sortedNanos, double p) {
        int index = Math.max(0, (int) Math.ceil(sortedNanos.length * p) - 1);
        return sortedNanos[index] / 1e6;
    }

    private int year(ThreadLocalRandom random) {
        return random.nextInt(settings.firstYear(), settings.lastYear() + 1);
    }

    private static <T> T pick(ThreadLocalRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String token(String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + encode(settings.clientId()) + "&client_secret="
                + encode(settings.clientSecret()) + "&username=" + encode(username) + "&password=" + encode(settings.password());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("cannot sign in " + username + " at " + settings.issuer() + ": " + response.statusCode()
                    + " " + response.body());
        }
        return json.readTree(response.body()).get("access_token").asText();
    }

    /** The analytics cache's hits and misses from the admin port's /metrics (empty when it cannot be read). */
    private Map<String, Double> cache() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(settings.admin().resolve("/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode gauges = json.readTree(response.body()).path("gauges");
            if (!gauges.has("analytics.cache.hits")) {
                return Map.of();
            }
            return Map.of("hits", gauges.path("analytics.cache.hits").path("value").asDouble(),
                    "misses", gauges.path("analytics.cache.misses").path("value").asDouble());
        } catch (IOException | RuntimeException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
