package org.itaoversight.api.health;

import com.codahale.metrics.health.HealthCheck;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The SMTP server that delivers the monthly reports greets (220) and is left politely (QUIT). Registered only on
 * instances that run the scheduler: the others send no mail.
 */
public final class SmtpHealthCheck extends HealthCheck {

    private final String host;
    private final int port;
    private final Duration timeout;

    public SmtpHealthCheck(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    protected Result check() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String greeting = in.readLine();
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (greeting == null || !greeting.startsWith("220")) {
                return Result.unhealthy("SMTP " + host + ":" + port + " did not greet: " + greeting);
            }
            return Result.healthy("SMTP " + host + ":" + port + " " + greeting.substring(3).strip());
        } catch (Exception e) {
            return Result.unhealthy("SMTP " + host + ":" + port + " unreachable: " + e.getMessage());
        }
    }
}
