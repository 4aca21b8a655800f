package org.itaoversight.embedded.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.dropwizard.lifecycle.Managed;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's SMTP server: a real one (GreenMail) on a loopback port that accepts the monthly reports and writes each
 * message, with its PDF attachment, to {@code data/mail/*.eml} — so the demo runs the whole delivery with no mail
 * server installed. Production points {@code reports.smtp} at a real server and never starts this.
 */
public final class EmbeddedMailCatcher implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailCatcher.class);

    private final GreenMail mail;
    private final Path directory;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mail-catcher");
        thread.setDaemon(true);
        return thread;
    });
    private int written;

    public EmbeddedMailCatcher(String host, int port, Path directory) {
        this.mail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        this.directory = directory;
    }

    @Override
    public void start() throws IOException {
        Files.createDirectories(directory);
        mail.start();
        writer.scheduleWithFixedDelay(this::writeNew, 1, 1, TimeUnit.SECONDS);
        LOG.info("Embedded mail catcher listening on SMTP port {}; messages go to {}", mail.getSmtp().getPort(), directory);
    }

    private synchronized void writeNew() {
        MimeMessage[] messages = mail.getReceivedMessages();
        for (; written < messages.length; written++) {
            Path file = directory.resolve(String.format("%d-%03d.eml", System.currentTimeMillis(), written + 1));
            try (OutputStream out = Files.newOutputStream(file)) {
                messages[written].writeTo(out);
                LOG.info("Mail to {} kept in {}", java.util.Arrays.toString(messages[written].getAllRecipients()), file);
            } catch (Exception e) {
                LOG.warn("Could not keep a caught mail in {}: {}", file, e.getMessage());
            }
        }
    }

    public int port() {
        return mail.getSmtp().getPort();
    }

    @Override
    public void stop() {
        writer.shutdownNow();
        writeNew();
        mail.stop();
    }
}
