package io.couponflow.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The packaged application running as a separate JVM, as in production. */
final class AppNode implements AutoCloseable {
  private final Process process;
  final int port;
  final Path log;

  private AppNode(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** {@code name} is also the node's name on the job queue ({@code scheduled_tasks.picked_by}). */
  static AppNode start(String jdbcUrl, String apiKey, String name, Map<String, String> env) throws IOException {
    Path jar = Path.of("target", "couponflow.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("target/couponflow.jar is missing: run the tests with 'mvn verify'");
    }
    int port = freePort();
    Path log = Files.createTempFile("couponflow-" + name + "-", ".log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
    builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
    builder.environment().put("SPRING_DATASOURCE_PASSWORD", "");
    builder.environment().put("SERVER_PORT", String.valueOf(port));
    builder.environment().put("COUPONFLOW_API_KEY", apiKey);
    builder.environment().put("COUPONFLOW_ADMIN_PASSWORD", "cluster-test-password");
    builder.environment().put("COUPONFLOW_RATE_LIMIT_PER_SECOND", "0");
    builder.environment().put("COUPONFLOW_JOBS_NODE_NAME", name);
    builder.environment().putAll(env);
    builder.directory(new File(System.getProperty("user.dir")));
    return new AppNode(builder.start(), port, log);
  }

  void awaitHealthy(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node died at start-up; log: " + Files.readString(log));
      }
      try {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException("node not healthy within " + timeout + "; log: " + Files.readString(log));
  }

  /** SIGTERM, as an orchestrator stops a node: Spring's graceful shutdown runs. */
  void terminate() {
    process.destroy();
  }

  /** Waits for the process to end; its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("node still running after " + timeout);
    }
    return process.exitValue();
  }

  String logText() throws IOException {
    return Files.readString(log);
  }

  /** kill -9: no shutdown hooks, no graceful anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
