package io.couponflow.importing;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data body built by hand, as a shop's script would send it. */
final class Multipart {
  private final String boundary = "cf-" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final Map<String, String> fields = new LinkedHashMap<>();

  Multipart field(String name, Object value) {
    fields.put(name, String.valueOf(value));
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    return this;
  }

  Multipart file(String fileName, byte[] content) {
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/csv\r\n\r\n");
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  Multipart file(String fileName, String content) {
    return file(fileName, content.getBytes(StandardCharsets.UTF_8));
  }

  HttpRequest.Builder into(HttpRequest.Builder request) {
    write("--" + boundary + "--\r\n");
    return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  private void write(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
