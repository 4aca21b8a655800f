package org.itaoversight.api.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * The browser-facing headers of every response of the application port: never sniffed ({@code nosniff}), never
 * framed ({@code X-Frame-Options: DENY} and CSP {@code frame-ancestors 'none'}), no referrer sent elsewhere; the
 * dashboard ({@code /app/}) runs under a Content-Security-Policy that allows only its own scripts, styles and fonts
 * and calls to the API and the realm's token endpoint; API answers (JSON and PDFs) are never stored by a browser
 * or proxy ({@code Cache-Control: no-store}), since they carry one tenant's data.
 */
public final class SecurityHeadersFilter implements Filter {

    private final String contentSecurityPolicy;

    /** @param issuer the realm's issuer URL: the dashboard calls its token endpoint */
    public SecurityHeadersFilter(String issuer) {
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "font-src 'self'; img-src 'self' data: blob:; connect-src 'self' " + origin(issuer) + "; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            answer.setHeader("X-Content-Type-Options", "nosniff");
            answer.setHeader("X-Frame-Options", "DENY");
            answer.setHeader("Referrer-Policy", "no-referrer");
            String path = http.getRequestURI();
            if (path.startsWith("/api/")) {
                answer.setHeader("Cache-Control", "no-store");
                answer.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            } else {
                answer.setHeader("Content-Security-Policy", contentSecurityPolicy);
            }
        }
        chain.doFilter(request, response);
    }
}
