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

/** Sends a report as a PDF attachment, below its text (plain, or plain and HTML), through the configured SMTP server. */
public final class SmtpMailer {

    private final ReportsConfiguration.SmtpConfiguration smtp;

    public SmtpMailer(ReportsConfiguration.SmtpConfiguration smtp) {
        this.smtp = smtp;
    }

    /**
     * One message to one recipient: multipart/mixed of the text as multipart/alternative (plain text, then HTML) and
     * the PDF attachment.
     */
    public void send(String recipient, String subject, String plainText, String html, String fileName, byte[] pdf)
            throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(plainText, "UTF-8", "plain");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, "UTF-8", "html");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(new MimeMultipart("alternative", plain, rich));
        send(List.of(recipient), subject, body, fileName, pdf);
    }

    public void send(List<String> recipients, String subject, String body, String fileName, byte[] pdf) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        send(recipients, subject, text, fileName, pdf);
    }

    private void send(List<String> recipients, String subject, MimeBodyPart text, String fileName, byte[] pdf) throws MessagingException {
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
