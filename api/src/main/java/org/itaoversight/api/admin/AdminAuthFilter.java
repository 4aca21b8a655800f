package org.itaoversight.api.admin;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** HTTP Basic authentication on the admin port; {@code /ping} (the load balancer's liveness probe) stays open. */
final class AdminAuthFilter implements Filter {

    private final byte[] expected;

    AdminAuthFilter(AdminAccessConfiguration.Credentials credentials) {
        this.expected = ("Basic " + Base64.getEncoder().encodeToString((credentials.username() + ":" + credentials.password())
                .getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String path = http.getRequestURI();
        String header = http.getHeader("Authorization");
        if ("/ping".equals(path) || header != null
                && MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse answer = (HttpServletResponse) response;
        answer.setHeader("WWW-Authenticate", "Basic realm=\"ita-oversight-admin\", charset=\"UTF-8\"");
        answer.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
