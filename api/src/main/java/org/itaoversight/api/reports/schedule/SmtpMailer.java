package org.itaoversight.api.reports.schedule;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Sends a report as a PDF attachment through the configured SMTP server. */
public final class SmtpMailer {

    private final ReportsConfiguration.SmtpConfiguration smtp;

    public SmtpMailer(ReportsConfiguration.SmtpConfiguration smtp) {
        this.smtp = smtp;
    }

    public void send(List<String> recipients, String subject, String body, String fileName, byte[] pdf) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.getHost());
        properties.put("mail.smtp.port", String.valueOf(smtp.getPort()));
        String timeout = String.valueOf(smtp.getTimeout().toMilliseconds());
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.starttls.enable", String.valueOf(smtp.isStartTls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(smtp.isStartTls()));
        boolean authenticated = !smtp.getUsername().isEmpty();
        properties.put("mail.smtp.auth", String.valueOf(authenticated));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(smtp.getFrom()));
        for (String recipient : recipients) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName(fileName);
        message.setContent(new MimeMultipart(text, attachment));
        if (authenticated) {
            Transport.send(message, smtp.getUsername(), smtp.getPassword());
        } else {
            Transport.send(message);
        }
    }
}
