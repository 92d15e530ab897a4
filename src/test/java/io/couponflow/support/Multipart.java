package io.couponflow.support;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body built by hand, as a shop's script would send it; a file part may stream from disk. */
public final class Multipart {
  private final String boundary = "cf-" + UUID.randomUUID();
  private final List<BodyPublisher> parts = new ArrayList<>();
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  public Multipart field(String name, Object value) {
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    return this;
  }

  public Multipart file(String fileName, byte[] content) {
    fileHeader(fileName);
    pending.writeBytes(content);
    write("\r\n");
    return this;
  }

  public Multipart file(String fileName, String content) {
    return file(fileName, content.getBytes(StandardCharsets.UTF_8));
  }

  /** A file part read from disk while the request is sent: the test's heap never holds it. */
  public Multipart file(String fileName, Path content) {
    fileHeader(fileName);
    flush();
    try {
      parts.add(BodyPublishers.ofFile(content));
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException(e);
    }
    write("\r\n");
    return this;
  }

  public HttpRequest.Builder into(HttpRequest.Builder request) {
    write("--" + boundary + "--\r\n");
    flush();
    return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(BodyPublishers.concat(parts.toArray(BodyPublisher[]::new)));
  }

  private void fileHeader(String fileName) {
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/csv\r\n\r\n");
  }

  private void flush() {
    if (pending.size() > 0) {
      parts.add(BodyPublishers.ofByteArray(pending.toByteArray()));
      pending.reset();
    }
  }

  private void write(String text) {
    pending.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
