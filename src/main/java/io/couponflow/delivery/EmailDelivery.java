package io.couponflow.delivery;

import io.couponflow.contact.ActivityEntry;
import io.couponflow.contact.ActivityLog;
import io.couponflow.contact.ActivityType;
import io.couponflow.common.PageRequest;
import jakarta.mail.MessagingException;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends workflow emails through spring.mail.* SMTP. Without an SMTP host (the embedded default) the
 * message goes to the outbox table instead, which the UI lists. One message per run step: a retried
 * step finds the message it already delivered and does not send it twice.
 */
@Service
public class EmailDelivery {
  private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);

  /** An email to send for a run step; assignmentIds are the codes it shows. */
  public record OutgoingEmail(Long runId, Integer nodeIndex, Long workflowId, String contactId, String to,
      String subject, String html, List<Long> assignmentIds) {}

  /** delivered: sent over SMTP or put in the outbox. */
  public record Result(boolean delivered, String status, String error) {}

  private final EmailRepository emails;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final CodeDelivery codes;
  private final ActivityLog activity;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String from;

  EmailDelivery(EmailRepository emails, ObjectProvider<JavaMailSender> mailSender, CodeDelivery codes,
      ActivityLog activity, TransactionTemplate tx, Clock clock,
      @Value("${couponflow.mail.from:Couponflow <no-reply@couponflow.local>}") String from) {
    this.emails = emails;
    this.mailSender = mailSender;
    this.codes = codes;
    this.activity = activity;
    this.tx = tx;
    this.clock = clock;
    this.from = from;
  }

  /** Whether emails go out over SMTP (spring.mail.host is set); without it they wait in the outbox. */
  public boolean smtpConfigured() {
    return mailSender.getIfAvailable() != null;
  }

  /** The sender address every workflow email carries. */
  public String from() {
    return from;
  }

  public Result send(OutgoingEmail m) {
    Optional<EmailMessage> earlier = m.runId() == null ? Optional.empty() : emails.findStep(m.runId(), m.nodeIndex());
    if (earlier.isPresent() && !earlier.get().status().equals("sending") && !earlier.get().status().equals("failed")) {
      return new Result(true, earlier.get().status(), null);
    }
    if (m.to() == null || m.to().isBlank()) {
      return fail(m, null, "contact " + m.contactId() + " has no email address");
    }
    long id = earlier.map(EmailMessage::id).orElseGet(() -> emails.insert(m, clock.instant()));
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender != null) {
      try {
        sender.send(message(sender, m));
      } catch (MailException | MessagingException e) {
        log.warn("Email {} to {} failed: {}", id, m.to(), e.getMessage());
        return fail(m, id, "SMTP: " + e.getMessage());
      }
    }
    String status = sender == null ? "outbox" : "sent";
    tx.executeWithoutResult(s -> {
      emails.markDelivered(id, status, clock.instant());
      activity.record(ActivityEntry.of(m.contactId(), ActivityType.EMAIL_SENT, clock.instant())
          .workflow(m.workflowId(), m.runId()).detail(m.subject()));
    });
    codes.markShown(m.assignmentIds());
    return new Result(true, status, null);
  }

  /** multipart/alternative: the plain text first, then the HTML that clients prefer (RFC 2046: last is best). */
  private MimeMessage message(JavaMailSender sender, OutgoingEmail m) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    message.setFrom(new InternetAddress(from));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(m.to()));
    message.setSubject(m.subject(), "UTF-8");
    MimeMultipart alternatives = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(PlainTextAlternative.from(m.html()), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(m.html(), "UTF-8", "html");
    alternatives.addBodyPart(text);
    alternatives.addBodyPart(html);
    message.setContent(alternatives);
    message.saveChanges();
    return message;
  }

  private Result fail(OutgoingEmail m, Long id, String error) {
    tx.executeWithoutResult(s -> {
      if (id != null) {
        emails.markFailed(id, error);
      }
      activity.record(ActivityEntry.of(m.contactId(), ActivityType.EMAIL_FAILED, clock.instant())
          .workflow(m.workflowId(), m.runId()).detail(error));
    });
    codes.releaseUnshown(m.assignmentIds());
    return new Result(false, "failed", error);
  }

  /** Newest first; status filters (outbox, sent, failed). */
  public List<EmailMessage> page(String status, PageRequest page) {
    return emails.page(status, page.beforeId(), page.fetchSize());
  }
}
