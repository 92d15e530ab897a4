package io.couponflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One GreenMail SMTP server per test JVM, on a free port chosen when this class loads. Both shared
 * contexts (OnH2, OnPostgres) point spring.mail.* at it through this initializer, so every test
 * class sees the same server and no extra context starts. Tests tell their mail apart by recipient domain.
 */
public class TestSmtp implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  public static final String PORT_PROPERTY = "couponflow.test.smtp-port";
  static final String HOST = "spring.mail.host=127.0.0.1";
  static final String PORT = "spring.mail.port=${" + PORT_PROPERTY + "}";

  private static final GreenMail SERVER = start();

  private static GreenMail start() {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(PORT_PROPERTY + "=" + port()).applyTo(context);
  }

  public static int port() {
    return SERVER.getSmtp().getPort();
  }

  /** Messages received for addresses at this domain (use a unique one per test). */
  public static List<MimeMessage> messagesFor(String domain) {
    return List.of(SERVER.getReceivedMessagesForDomain(domain));
  }
}
