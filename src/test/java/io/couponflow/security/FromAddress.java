package io.couponflow.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP/1.0 requests sent from a loopback address of the test's choosing (any of 127.0.0.0/8 is
 * local on Linux), so a test can exhaust one address's budget without touching 127.0.0.1, which
 * every other test in the shared context calls from.
 */
final class FromAddress {
  record Answer(int status, Map<String, String> headers, String body) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  final String address;
  private final int port;

  private FromAddress(String address, int port) {
    this.address = address;
    this.port = port;
  }

  /** A random loopback address other than 127.0.0.1. */
  static FromAddress randomLoopback(int port) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new FromAddress("127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(2, 255),
        port);
  }

  Answer get(String path) {
    return send("GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n");
  }

  Answer postForm(String path, String form) {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    return send("POST " + path + " HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n" + form);
  }

  private Answer send(String request) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(address, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Answer parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    String[] lines = raw.substring(0, end < 0 ? raw.length() : end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    return new Answer(status, headers, end < 0 ? "" : raw.substring(end + 4));
  }
}
