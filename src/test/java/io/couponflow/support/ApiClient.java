package io.couponflow.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: JSON in, status + JSON tree out, never throws on 4xx/5xx. */
public class ApiClient {
  public static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public record Response(int status, String text, java.net.http.HttpHeaders headers) {
    public JsonNode json() {
      return text == null || text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
    }

    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }
  }

  private final String base;
  private final String authorization;

  public ApiClient(int port, String apiKey) {
    this("http://localhost:" + port, apiKey);
  }

  public ApiClient(String base, String apiKey) {
    this.base = base;
    this.authorization = apiKey == null ? null : "apiKey " + apiKey;
  }

  public ApiClient withKey(String apiKey) {
    return new ApiClient(base, apiKey);
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  public Response post(String path, Object body) {
    return post(path, body, Map.of());
  }

  public Response post(String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder builder = request(path).POST(bodyOf(body)).header("Content-Type", "application/json");
    headers.forEach(builder::header);
    return send(builder);
  }

  public Response postRaw(String path, String rawBody, String contentType) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(rawBody)).header("Content-Type", contentType));
  }

  public Response patch(String path, Object body) {
    return send(request(path).method("PATCH", bodyOf(body)).header("Content-Type", "application/json"));
  }

  public Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
        .timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private static HttpRequest.BodyPublisher bodyOf(Object body) {
    return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
  }
}
