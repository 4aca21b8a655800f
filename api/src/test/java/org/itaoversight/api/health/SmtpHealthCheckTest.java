package org.itaoversight.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The SMTP health check against a real SMTP server (GreenMail), a closed port and a server that is not SMTP. */
class SmtpHealthCheckTest {

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anSmtpServerThatGreetsIsHealthy() throws Exception {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HealthCheck.Result result = new SmtpHealthCheck("127.0.0.1", port, Duration.ofSeconds(3)).execute();

            assertThat(result.isHealthy()).as(result.getMessage()).isTrue();
            assertThat(result.getMessage()).startsWith("SMTP 127.0.0.1:" + port + " ");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aClosedPortIsUnhealthyAndSaysWhere() throws Exception {
        int port = freePort();

        HealthCheck.Result result = new SmtpHealthCheck("127.0.0.1", port, Duration.ofSeconds(3)).execute();

        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).startsWith("SMTP 127.0.0.1:" + port + " unreachable: ");
    }

    @Test
    void aServerThatIsNotSmtpIsUnhealthy() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                    out.write("HTTP/1.1 400 Bad Request\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    client.getInputStream().read();
                } catch (Exception ignored) {
                    // the check has hung up
                }
            });

            HealthCheck.Result result = new SmtpHealthCheck("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(3)).execute();

            assertThat(result.isHealthy()).isFalse();
            assertThat(result.getMessage()).isEqualTo("SMTP 127.0.0.1:" + server.getLocalPort() + " did not greet: HTTP/1.1 400 Bad Request");
        }
    }
}
