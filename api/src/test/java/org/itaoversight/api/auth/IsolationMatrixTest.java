package org.itaoversight.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.itaoversight.api.registry.RegistryConfiguration;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint of the API (discovered from the registered resources) × every role × own / other agency / other
 * province, against real Keycloak tokens and real databases: the exact status, and no other tenant's data in any body.
 */
@ExtendWith(TestingServers.class)
public class IsolationMatrixTest {

    enum Persona {
        ANONYMOUS(null), PLATFORM_ADMIN("platform-admin"), OFFICER("officer-nakhonpathom"), AGENCY_ADMIN("admin-bangrakam");

        final String username;

        Persona(String username) {
            this.username = username;
        }
    }

    /** Which resource a path parameter names, relative to the caller (officer of 73, administrator of 6730301). */
    enum Target { NONE, OWN, OTHER_AGENCY_SAME_PROVINCE, OTHER_PROVINCE }

    private static final String OWN_PROVINCE = "73";
    private static final String OTHER_PROVINCE = "76";
    private static final String OWN_AGENCY = "6730301";
    private static final String OTHER_PROVINCE_AGENCY = "6760401";

    private record Rule(List<Target> targets, Map<Persona, Map<Target, Integer>> expected) {
    }

    private static Map<Target, Integer> all(int status, List<Target> targets) {
        Map<Target, Integer> map = new EnumMap<>(Target.class);
        targets.forEach(t -> map.put(t, status));
        return map;
    }

    private static Map<Target, Integer> of(Object... targetAndStatus) {
        Map<Target, Integer> map = new EnumMap<>(Target.class);
        for (int i = 0; i < targetAndStatus.length; i += 2) {
            map.put((Target) targetAndStatus[i], (Integer) targetAndStatus[i + 1]);
        }
        return map;
    }

    private static Rule everyRole(List<Target> targets, int status) {
        return new Rule(targets, Map.of(Persona.ANONYMOUS, all(401, targets), Persona.PLATFORM_ADMIN, all(status, targets),
                Persona.OFFICER, all(status, targets), Persona.AGENCY_ADMIN, all(status, targets)));
    }

    private static Rule platformOnly(int status) {
        List<Target> none = List.of(Target.NONE);
        return new Rule(none, Map.of(Persona.ANONYMOUS, all(401, none), Persona.PLATFORM_ADMIN, all(status, none),
                Persona.OFFICER, all(403, none), Persona.AGENCY_ADMIN, all(403, none)));
    }

    /** Province-wide data: platform administrators and the province's officers. */
    private static Rule provinceScoped() {
        return new Rule(List.of(Target.OWN, Target.OTHER_PROVINCE), Map.of(
                Persona.ANONYMOUS, of(Target.OWN, 401, Target.OTHER_PROVINCE, 401),
                Persona.PLATFORM_ADMIN, of(Target.OWN, 200, Target.OTHER_PROVINCE, 200),
                Persona.OFFICER, of(Target.OWN, 200, Target.OTHER_PROVINCE, 403),
                Persona.AGENCY_ADMIN, of(Target.OWN, 403, Target.OTHER_PROVINCE, 403)));
    }

    /** One agency's data: platform administrators, its province's officers, its own administrators. */
    private static Rule agencyScoped() {
        return new Rule(List.of(Target.OWN, Target.OTHER_AGENCY_SAME_PROVINCE, Target.OTHER_PROVINCE), Map.of(
                Persona.ANONYMOUS, of(Target.OWN, 401, Target.OTHER_AGENCY_SAME_PROVINCE, 401, Target.OTHER_PROVINCE, 401),
                Persona.PLATFORM_ADMIN, of(Target.OWN, 200, Target.OTHER_AGENCY_SAME_PROVINCE, 200, Target.OTHER_PROVINCE, 200),
                Persona.OFFICER, of(Target.OWN, 200, Target.OTHER_AGENCY_SAME_PROVINCE, 200, Target.OTHER_PROVINCE, 403),
                Persona.AGENCY_ADMIN, of(Target.OWN, 200, Target.OTHER_AGENCY_SAME_PROVINCE, 403, Target.OTHER_PROVINCE, 403)));
    }

    /** The country's aggregates: administrators and officers, not agency administrators. */
    private static Rule nationalAggregates() {
        List<Target> none = List.of(Target.NONE);
        return new Rule(none, Map.of(Persona.ANONYMOUS, all(401, none), Persona.PLATFORM_ADMIN, all(200, none),
                Persona.OFFICER, all(200, none), Persona.AGENCY_ADMIN, all(403, none)));
    }

    /** Public: the same answer for everyone, signed in or not. */
    private static Rule everyoneEvenAnonymous() {
        return new Rule(List.of(Target.NONE), Map.of(Persona.ANONYMOUS, all(200, List.of(Target.NONE)),
                Persona.PLATFORM_ADMIN, all(200, List.of(Target.NONE)), Persona.OFFICER, all(200, List.of(Target.NONE)),
                Persona.AGENCY_ADMIN, all(200, List.of(Target.NONE))));
    }

    /** Every endpoint of the matrix, as {@code METHOD /path/{template}}. */
    public static java.util.Set<String> endpointsOfTheMatrix() {
        return RULES.keySet();
    }

    /** One agency's data with given answers for the allowed readers and the agency's own editors. */
    private static Rule agencyRule(int platformAdmin, int officerInProvince, int ownAdministrator) {
        return new Rule(List.of(Target.OWN, Target.OTHER_AGENCY_SAME_PROVINCE, Target.OTHER_PROVINCE), Map.of(
                Persona.ANONYMOUS, of(Target.OWN, 401, Target.OTHER_AGENCY_SAME_PROVINCE, 401, Target.OTHER_PROVINCE, 401),
                Persona.PLATFORM_ADMIN, of(Target.OWN, platformAdmin, Target.OTHER_AGENCY_SAME_PROVINCE, platformAdmin,
                        Target.OTHER_PROVINCE, platformAdmin),
                Persona.OFFICER, of(Target.OWN, officerInProvince, Target.OTHER_AGENCY_SAME_PROVINCE, officerInProvince,
                        Target.OTHER_PROVINCE, 403),
                Persona.AGENCY_ADMIN, of(Target.OWN, ownAdministrator, Target.OTHER_AGENCY_SAME_PROVINCE, 403,
                        Target.OTHER_PROVINCE, 403)));
    }

    /** Query parameters an endpoint needs to answer with data rather than 400. */
    private static final Map<String, String> QUERIES = Map.ofEntries(
            Map.entry("/api/v1/provinces/{code}/ita/ranking", "?year=2567"),
            Map.entry("/api/v1/provinces/{code}/ita/pass-rates", "?year=2567"),
            Map.entry("/api/v1/provinces/{code}/ita/weakest-indicators", "?year=2567"),
            Map.entry("/api/v1/provinces/{code}/needs-attention", "?year=2567"),
            Map.entry("/api/v1/provinces/{code}/ita/matrix", "?year=2567"),
            Map.entry("/api/v1/provinces/{code}/ita/movers", "?year=2567"),
            Map.entry("/api/v1/agencies/{code}/ita/weakest-questions", "?year=2567"),
            Map.entry("/api/v1/agencies/{code}/ita/indicator-scores", "?year=2567"),
            Map.entry("/api/v1/ita/national/pass-rates", "?year=2567"),
            Map.entry("/api/v1/agencies/{code}/measure-completion", "?year=2566"),
            Map.entry("/api/v1/provinces/{code}/measure-completion", "?year=2566"),
            Map.entry("/api/v1/provinces/{code}/measure-completion/monthly", "?year=2566"),
            Map.entry("/api/v1/agencies/{code}/measure-effectiveness", "?year=2568"),
            Map.entry("/api/v1/provinces/{code}/measure-effectiveness", "?year=2568"),
            Map.entry("/api/v1/agencies/{code}/report.pdf", "?year=2568"),
            Map.entry("/api/v1/provinces/{code}/report.pdf", "?year=2568"));

    /** The rule of every endpoint. An endpoint missing here fails the test. */
    private static final Map<String, Rule> RULES = Map.ofEntries(Map.entry("GET /api/v1/provinces/{code}/ita/ranking", provinceScoped()),
            Map.entry("GET /api/v1/provinces/{code}/ita/pass-rates", provinceScoped()),
            Map.entry("GET /api/v1/provinces/{code}/ita/weakest-indicators", provinceScoped()),
            Map.entry("GET /api/v1/provinces/{code}/needs-attention", provinceScoped()),
            Map.entry("GET /api/v1/agencies/{code}/ita/trend", agencyScoped()),
            Map.entry("GET /api/v1/provinces/{code}/ita/matrix", provinceScoped()),
            Map.entry("GET /api/v1/provinces/{code}/ita/trend", provinceScoped()),
            Map.entry("GET /api/v1/provinces/{code}/ita/movers", provinceScoped()),
            Map.entry("GET /api/v1/agencies/{code}/ita/weakest-questions", agencyScoped()),
            Map.entry("GET /api/v1/agencies/{code}/ita/indicator-scores", agencyScoped()),
            Map.entry("GET /api/v1/agencies/{code}/ita/standing", agencyScoped()),
            Map.entry("GET /api/v1/ita/national/trend", nationalAggregates()),
            Map.entry("GET /api/v1/agencies/{code}/measures", agencyScoped()),
            // An empty measure ({}): refused field by field (422) once the caller may edit the agency.
            Map.entry("POST /api/v1/agencies/{code}/measures", agencyRule(403, 403, 422)),
            // A measure id that never exists: 404 once the caller may read (or edit) the agency, 403 before.
            Map.entry("GET /api/v1/agencies/{code}/measures/{id}", agencyRule(404, 404, 404)),
            Map.entry("GET /api/v1/agencies/{code}/measures/{id}/history", agencyRule(404, 404, 404)),
            Map.entry("PUT /api/v1/agencies/{code}/measures/{id}", agencyRule(403, 403, 422)),
            Map.entry("POST /api/v1/agencies/{code}/measures/{id}/cancel", agencyRule(403, 403, 404)),
            // An empty document: refused (400) once the caller may edit the agency (only its own administrators).
            Map.entry("POST /api/v1/agencies/{code}/measure-imports", agencyRule(403, 403, 400)),
            Map.entry("GET /api/v1/agencies/{code}/measure-completion", agencyScoped()),
            Map.entry("GET /api/v1/agencies/{code}/report.pdf", agencyScoped()),
            Map.entry("GET /api/v1/provinces/{code}/report.pdf", provinceScoped()),
            Map.entry("GET /api/v1/provinces/{code}/measure-completion", provinceScoped()),
            Map.entry("GET /api/v1/provinces/{code}/measure-completion/monthly", provinceScoped()),
            Map.entry("GET /api/v1/agencies/{code}/measure-effectiveness", agencyScoped()),
            Map.entry("GET /api/v1/provinces/{code}/measure-effectiveness", provinceScoped()),
            Map.entry("GET /api/v1/ita/national/pass-rates", nationalAggregates()),
            Map.entry("GET /api/v1/provinces/{code}/agencies", provinceScoped()),
            Map.entry("GET /api/v1/agencies/{code}", agencyScoped()),
            Map.entry("GET /api/v1/provinces", everyRole(List.of(Target.NONE), 200)),
            // Where to sign in, and the API's description: public.
            Map.entry("GET /api/v1/dashboard/config", everyoneEvenAnonymous()),
            Map.entry("GET /api/v1/openapi.json", everyoneEvenAnonymous()),
            Map.entry("GET /api/v1/provinces/{code}", everyRole(List.of(Target.OWN, Target.OTHER_PROVINCE), 200)),
            Map.entry("POST /api/v1/registry/agencies", platformOnly(200)),
            Map.entry("GET /api/v1/audit-events", platformOnly(200)),
            // Schedules are the platform administrator's: an empty one is refused field by field (422), an unknown id 404.
            Map.entry("GET /api/v1/report-schedules", platformOnly(200)),
            Map.entry("POST /api/v1/report-schedules", platformOnly(422)),
            Map.entry("GET /api/v1/report-schedules/{id}", platformOnly(404)),
            Map.entry("PUT /api/v1/report-schedules/{id}", platformOnly(404)),
            Map.entry("DELETE /api/v1/report-schedules/{id}", platformOnly(404)),
            Map.entry("GET /api/v1/report-schedules/{id}/runs", platformOnly(404)),
            // A run is readable by whoever may read its agency or province; one that does not exist is 404 for all.
            Map.entry("GET /api/v1/report-runs/{id}", everyRole(List.of(Target.NONE), 404)),
            Map.entry("GET /api/v1/report-runs/{id}/report.pdf", everyRole(List.of(Target.NONE), 404)),
            // An empty upload: refused as a file (400) once the caller is allowed to load.
            Map.entry("POST /api/v1/ita/loads", platformOnly(400)),
            Map.entry("POST /api/v1/ita/load-checks", platformOnly(400)),
            Map.entry("GET /api/v1/ita/loads", platformOnly(200)));

    private final TestingOversightApi api;
    private final AgencyRegistry registry = new RegistrySource(new RegistryConfiguration()).load();
    private final String neighbour = registry.agenciesOf(OWN_PROVINCE).stream().map(Agency::code)
            .filter(code -> !code.equals(OWN_AGENCY)).findFirst().orElseThrow();

    IsolationMatrixTest(TestingOversightApi api) {
        this.api = api;
    }

    @Test
    void everyEndpointHasARule() {
        assertThat(endpoints()).as("the endpoints of the API and the rules of the isolation matrix")
                .containsExactlyInAnyOrderElementsOf(RULES.keySet());
    }

    @Test
    void everyEndpointAnswersEachRoleAndScopeExactlyAndLeaksNoOtherTenant() {
        List<String> failures = new ArrayList<>();
        Map<Persona, TestingOversightApi.Caller> callers = new EnumMap<>(Persona.class);
        for (Persona persona : Persona.values()) {
            callers.put(persona, persona.username == null ? api.anonymous() : api.as(persona.username));
        }
        for (String endpoint : endpoints()) {
            Rule rule = RULES.get(endpoint);
            if (rule == null) {
                failures.add(endpoint + ": no rule");
                continue;
            }
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String template = endpoint.substring(endpoint.indexOf(' ') + 1);
            for (Persona persona : Persona.values()) {
                for (Target target : rule.targets()) {
                    String path = template.replace("{code}", code(template, target)).replace("{id}", "999999999")
                            + QUERIES.getOrDefault(template, "");
                    TestingOversightApi.Response response = call(callers.get(persona), method, path);
                    int expected = rule.expected().get(persona).get(target);
                    String where = persona + " " + method + " " + path + " (" + target + ")";
                    if (response.status() != expected) {
                        failures.add(where + ": expected " + expected + ", got " + response.status() + " "
                                + response.body().substring(0, Math.min(200, response.body().length())));
                    }
                    if (response.status() == 401 && !response.wwwAuthenticate().startsWith("Bearer")) {
                        failures.add(where + ": 401 without a Bearer WWW-Authenticate challenge");
                    }
                    if (response.status() == 200) {
                        Set<String> foreign = foreignAgencies(persona, response.body());
                        if (!foreign.isEmpty()) {
                            failures.add(where + ": body shows other tenants " + foreign);
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private TestingOversightApi.Response call(TestingOversightApi.Caller caller, String method, String path) {
        if (method.equals("POST") && path.equals("/api/v1/registry/agencies")) {
            StringWriter csv = new StringWriter();
            RegistryCsv.writeAgencies(csv, registry.agencies());
            return caller.post(path, "text/csv", csv.toString());
        }
        if (method.equals("POST") && path.contains("/measure-imports")) {
            return caller.post(path, "text/plain", "");
        }
        if ((method.equals("POST") || method.equals("PUT")) && (path.contains("/measures") || path.contains("/report-schedules"))) {
            return caller.send(method, path, "application/json", "{}");
        }
        return caller.request(method, path);
    }

    private String code(String template, Target target) {
        boolean agency = template.startsWith("/api/v1/agencies/");
        return switch (target) {
            case NONE -> "";
            case OWN -> agency ? OWN_AGENCY : OWN_PROVINCE;
            case OTHER_AGENCY_SAME_PROVINCE -> neighbour;
            case OTHER_PROVINCE -> agency ? OTHER_PROVINCE_AGENCY : OTHER_PROVINCE;
        };
    }

    /** Agency codes in a body that the persona may not see. */
    private Set<String> foreignAgencies(Persona persona, String body) {
        Set<String> foreign = new TreeSet<>();
        Matcher matcher = Pattern.compile("\"(?:code|agencyCode)\"\\s*:\\s*\"(\\d{5,10})\"").matcher(body);
        while (matcher.find()) {
            String code = matcher.group(1);
            boolean allowed = switch (persona) {
                case PLATFORM_ADMIN -> true;
                case OFFICER -> registry.agency(code).map(a -> a.provinceCode().equals(OWN_PROVINCE)).orElse(false);
                case AGENCY_ADMIN -> code.equals(OWN_AGENCY);
                case ANONYMOUS -> false;
            };
            if (!allowed) {
                foreign.add(code);
            }
        }
        if (persona != Persona.PLATFORM_ADMIN && body.contains(OTHER_PROVINCE_AGENCY)) {
            foreign.add(OTHER_PROVINCE_AGENCY);
        }
        return foreign;
    }

    /**
     * "METHOD /path" of every resource method registered with Jersey under /api, from Dropwizard's own listing of
     * the endpoints (the one it logs at start-up).
     */
    private List<String> endpoints() {
        String listing = api.support().getEnvironment().jersey().getResourceConfig().getEndpointsInfo();
        Set<String> endpoints = new TreeSet<>();
        Matcher line = Pattern.compile("(?m)^\\s+(GET|POST|PUT|PATCH|DELETE)\\s+(/\\S*)\\s+\\(").matcher(listing);
        while (line.find()) {
            endpoints.add(line.group(1) + " " + line.group(2));
        }
        return endpoints.stream().filter(e -> e.contains(" /api/")).collect(Collectors.toList());
    }
}
