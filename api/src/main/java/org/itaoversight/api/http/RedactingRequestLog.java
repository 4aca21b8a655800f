package org.itaoversight.api.http;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The request log, with the values of credential-bearing query parameters ({@code access_token}, the sign-in's
 * {@code code}, …) replaced by {@code REDACTED}: whatever a client puts in a URL, no token reaches
 * {@code requests.log}, whatever its format. Installed around the configured request log as the server starts.
 */
public final class RedactingRequestLog extends ContainerLifeCycle implements RequestLog {

    static final Set<String> SECRET_PARAMETERS = Set.of("access_token", "refresh_token", "id_token", "token", "code",
            "client_secret", "password", "session_state");
    private static final Pattern PARAMETER = Pattern.compile("(^|&)([^=&]*)=([^&]*)");

    private final RequestLog delegate;

    public RedactingRequestLog(RequestLog delegate) {
        this.delegate = delegate;
        addBean(delegate, true);
    }

    /** A listener that puts the server's request log (if any) inside a {@code RedactingRequestLog} as it starts. */
    public static LifeCycle.Listener installer() {
        return new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server && server.getRequestLog() != null
                        && !(server.getRequestLog() instanceof RedactingRequestLog)) {
                    server.setRequestLog(new RedactingRequestLog(server.getRequestLog()));
                }
            }
        };
    }

    @Override
    public void log(Request request, Response response) {
        String query = request.getHttpURI().getQuery();
        String redacted = redact(query);
        if (redacted == null || redacted.equals(query)) {
            delegate.log(request, response);
            return;
        }
        HttpURI uri = HttpURI.build(request.getHttpURI()).query(redacted).asImmutable();
        delegate.log(new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return uri;
            }
        }, response);
    }

    /** A query string with the values of secret parameters replaced; null for null. */
    static String redact(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        Matcher matcher = PARAMETER.matcher(query);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = decoded(matcher.group(2)).toLowerCase(Locale.ROOT);
            matcher.appendReplacement(out, Matcher.quoteReplacement(SECRET_PARAMETERS.contains(name)
                    ? matcher.group(1) + matcher.group(2) + "=REDACTED" : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String decoded(String name) {
        try {
            return java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }
}
