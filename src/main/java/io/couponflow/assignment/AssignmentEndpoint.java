package io.couponflow.assignment;

import io.couponflow.common.ApiException;
import io.couponflow.common.Problems;
import io.couponflow.security.ApiGate;
import io.couponflow.security.ApiKey;
import io.couponflow.security.ApiKeyScope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/coupon-sets/{id}/assignments} answered ahead of Spring MVC and Spring
 * Security's filter chain: the product's hot call then costs a fifth to a tenth of the CPU (docs/benchmarks.md).
 * It keeps {@link AssignmentController}'s contract: the same key check, scope and shared rate limit
 * ({@link ApiGate}), the same body rules, answers, problems and security headers. Anything unusual
 * (no or a bad key, a body that is not small JSON of the expected shape) is handed on unchanged to
 * the regular chain, which answers it as for any other call.
 */
class AssignmentEndpoint extends HttpFilter {
  static final int MAX_BODY_BYTES = 16 * 1024;
  private static final String PREFIX = "/api/v1/coupon-sets/";
  private static final String SUFFIX = "/assignments";
  private static final int MAX_CONTACT_ID = 200;
  private static final Logger log = LoggerFactory.getLogger(AssignmentEndpoint.class);

  private final ApiGate gate;
  private final AssignmentService service;
  private final JsonMapper json;
  private final ObjectReader requests;
  private final MeterRegistry meters;
  private final ConcurrentHashMap<Integer, Timer> timers = new ConcurrentHashMap<>();

  AssignmentEndpoint(ApiGate gate, AssignmentService service, JsonMapper json, MeterRegistry meters) {
    this.gate = gate;
    this.service = service;
    this.json = json;
    this.requests = json.readerFor(AssignRequest.class);
    this.meters = meters;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long started = System.nanoTime();
    Long setId = setId(request);
    Optional<ApiKey> caller = setId == null ? Optional.empty() : gate.caller(request, ApiKeyScope.WRITE);
    int length = request.getContentLength();
    if (caller.isEmpty() || length < 0 || length > MAX_BODY_BYTES || !isJson(request.getContentType())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(length);
    AssignRequest parsed = parse(body);
    if (parsed == null) {
      chain.doFilter(new ReadAgain(request, body), response);
      return;
    }
    if (!gate.spend(caller.get(), response)) {
      return;
    }
    int status;
    try (var principal = gate.actAs(caller.get())) {
      AssignmentService.Result result = service.assign(setId, parsed, request.getHeader("Idempotency-Key"));
      status = result.reused() ? 200 : 201;
      write(response, status, "application/json", AssignmentView.of(result.assignment(), result.reused()));
    } catch (ApiException e) {
      status = e.status().value();
      writeProblem(request, response, Problems.of(e));
    } catch (RuntimeException e) {
      log.error("Unhandled error", e);
      status = 500;
      writeProblem(request, response, Problems.internalError());
    }
    timer(status).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  /** The set id of an assignment call, or null for any other request. */
  private static Long setId(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (!"POST".equals(request.getMethod()) || !path.startsWith(PREFIX) || !path.endsWith(SUFFIX)
        || !request.getContextPath().isEmpty() || request.getQueryString() != null) {
      return null;
    }
    String id = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
    if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return Long.parseLong(id);
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.regionMatches(true, 0, "application/json", 0, 16)
        && (contentType.length() == 16 || contentType.charAt(16) == ';');
  }

  /** The request when it is one the controller would accept as it is; null when its answer is an error. */
  private AssignRequest parse(byte[] body) {
    try {
      AssignRequest parsed = requests.readValue(body);
      String contact = parsed == null ? null : parsed.contactId();
      return contact == null || contact.isBlank() || contact.length() > MAX_CONTACT_ID ? null : parsed;
    } catch (JacksonException notTheExpectedJson) {
      return null;
    }
  }

  private void writeProblem(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    write(response, problem.getStatus(), "application/problem+json", Problems.body(problem, request.getRequestURI()));
  }

  private void write(HttpServletResponse response, int status, String contentType, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    response.setStatus(status);
    // what Spring Security's default header writers add to every API answer
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-XSS-Protection", "0");
    response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("Expires", "0");
    response.setHeader("X-Frame-Options", "DENY");
    response.setContentType(contentType);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private Timer timer(int status) {
    return timers.computeIfAbsent(status, s -> Timer.builder("couponflow.assignment.requests")
        .description("POST /api/v1/coupon-sets/{id}/assignments answered by the assignment endpoint")
        .tag("status", String.valueOf(s)).register(meters));
  }

  /** The request with its body, already read here, readable again by the regular chain. */
  private static final class ReadAgain extends HttpServletRequestWrapper {
    private final byte[] body;

    ReadAgain(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body was read already");
        }
      };
    }
  }
}
