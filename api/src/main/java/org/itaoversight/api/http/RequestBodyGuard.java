package org.itaoversight.api.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;

/**
 * Nothing of a request body is read before the caller is known and allowed, and never more of it than its endpoint
 * accepts. For every resource method that can receive a body (POST, PUT, PATCH) a filter runs after authentication
 * and before the body is read: it checks the {@link GuardedBody#access() access} the method declares (403 otherwise;
 * a method that declares none reads bodies of authenticated callers only), refuses a declared {@code Content-Length}
 * above the limit of its {@link GuardedBody#kind() kind} (413), and counts the body as it is read — after gzip
 * inflation — refusing it (413) as soon as it passes the limit.
 */
public final class RequestBodyGuard implements DynamicFeature {

    private static final String LIMITED_BODY = LimitedInputStream.class.getName();
    private static final Set<String> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final RequestLimitsConfiguration limits;
    private final AccessPolicy policy;
    private final RegistryAccess access;

    public RequestBodyGuard(RequestLimitsConfiguration limits, AccessPolicy policy, RegistryAccess access) {
        this.limits = limits;
        this.policy = policy;
        this.access = access;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null || !readsBodies(method)) {
            return;
        }
        GuardedBody declared = method.getAnnotation(GuardedBody.class);
        BodyKind kind = declared == null ? BodyKind.JSON : declared.kind();
        context.register(new Filter(Optional.ofNullable(declared).map(GuardedBody::access), kind, limits.maxBytes(kind)));
        context.register(new Refusals());
    }

    /** Whether a resource method answers an HTTP method that carries a body. */
    public static boolean readsBodies(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null && BODY_METHODS.contains(http.value())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A body refused while a message body reader (Jackson) was reading it comes out wrapped in the reader's own
     * exception ("Unable to process JSON"); this answers with the refusal itself (413, or 400 for broken gzip).
     */
    private static final class Refusals implements ReaderInterceptor {
        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            try {
                return context.proceed();
            } catch (IOException | RuntimeException e) {
                if (context.getProperty(LIMITED_BODY) instanceof LimitedInputStream limited && limited.refusal().isPresent()) {
                    throw limited.refusal().get();
                }
                throw e;
            }
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    private final class Filter implements ContainerRequestFilter {
        private final Optional<BodyAccess> bodyAccess;
        private final BodyKind kind;
        private final long maxBytes;

        Filter(Optional<BodyAccess> bodyAccess, BodyKind kind, long maxBytes) {
            this.bodyAccess = bodyAccess;
            this.kind = kind;
            this.maxBytes = maxBytes;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (!(request.getSecurityContext().getUserPrincipal() instanceof OversightPrincipal principal)) {
                throw new NotAuthorizedException("Bearer realm=\"ita-oversight\"");
            }
            bodyAccess.ifPresent(required -> check(required, principal, request));
            String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            if (length != null && !length.isBlank()) {
                try {
                    if (Long.parseLong(length.strip()) > maxBytes) {
                        throw new BodyTooLargeException(kind, maxBytes);
                    }
                } catch (NumberFormatException e) {
                    // Jetty refuses a malformed Content-Length before this; counting below still applies.
                }
            }
            LimitedInputStream limited = new LimitedInputStream(request.getEntityStream(), maxBytes, kind);
            request.setProperty(LIMITED_BODY, limited);
            request.setEntityStream(limited);
        }

        private void check(BodyAccess required, OversightPrincipal principal, ContainerRequestContext request) {
            switch (required) {
                case PLATFORM_ADMIN -> {
                    if (!policy.canManagePlatform(principal)) {
                        throw new ForbiddenException("only platform administrators may send this");
                    }
                }
                case AGENCY_EDITOR -> access.editableAgency(principal,
                        Optional.ofNullable(request.getUriInfo().getPathParameters().getFirst("code")).orElse(""));
            }
        }
    }
}
