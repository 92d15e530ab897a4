package io.couponflow.delivery;

import io.couponflow.audit.AuditLog;
import io.couponflow.common.ApiException;
import io.couponflow.common.Hashing;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The web secret that signs contact ids: {@code signature = hex(HMAC-SHA256(secret, contactId))}, computed
 * by the shop's server. COUPONFLOW_WEB_SECRET when set; otherwise generated at first start and kept in the
 * database, rotated from the settings page, the replaced one still accepted for the grace period.
 */
@Service
public class WebSecrets implements ApplicationRunner {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern HEX_SIGNATURE = Pattern.compile("[0-9a-fA-F]{64}");
  // rows older than these can only be valid if rotated more often than this within one grace period
  private static final int GENERATIONS_READ = 20;
  private static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();

  /** What the settings page shows. {@code generation} 0 and no rotation when the environment sets the secret. */
  public record Current(String secret, boolean fromEnvironment, int generation, Instant createdAt,
      Instant previousValidUntil, Duration grace) {}

  private record Cached(List<WebSecretRepository.Generation> rows, long loadedAt) {}

  private final WebSecretRepository repository;
  private final WebProperties properties;
  private final AuditLog audit;
  private final Clock clock;
  private volatile Cached cache;

  WebSecrets(WebSecretRepository repository, WebProperties properties, AuditLog audit, Clock clock) {
    this.repository = repository;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  /** Generates the first secret at start-up, so the settings page has one to show. */
  @Override
  public void run(ApplicationArguments args) {
    if (!properties.secretFromEnvironment()) {
      rows(true);
    }
  }

  /** True when the signature is the contact id signed with the current secret or one still in its grace period. */
  public boolean verifies(String contactId, String signature) {
    if (contactId == null || signature == null || !HEX_SIGNATURE.matcher(signature).matches()) {
      return false;
    }
    String given = signature.toLowerCase(Locale.ROOT);
    boolean valid = false;
    for (String secret : validSecrets()) {
      // no early exit: the time taken says nothing about which secret matched
      valid |= Hashing.sameText(Hashing.hmacSha256Hex(secret, contactId), given);
    }
    return valid;
  }

  public Current current() {
    if (properties.secretFromEnvironment()) {
      return new Current(properties.secret(), true, 0, null, null, properties.secretGrace());
    }
    List<WebSecretRepository.Generation> rows = rows(true);
    WebSecretRepository.Generation newest = rows.get(0);
    Instant previousValidUntil = rows.size() > 1 ? newest.createdAt().plus(properties.secretGrace()) : null;
    if (previousValidUntil != null && !previousValidUntil.isAfter(clock.instant())) {
      previousValidUntil = null;
    }
    return new Current(newest.secret(), false, newest.generation(), newest.createdAt(), previousValidUntil,
        properties.secretGrace());
  }

  /**
   * Replaces generation {@code replacing} with a new secret. The same form sent twice (or two nodes at
   * once) makes one new secret: the second insert of that generation does nothing.
   */
  @Transactional
  public Current rotate(int replacing) {
    if (properties.secretFromEnvironment()) {
      throw ApiException.conflict("web-secret-from-environment", "Set by the environment",
          "COUPONFLOW_WEB_SECRET sets the web secret: change it there");
    }
    Instant now = clock.instant();
    if (repository.insertOnce(replacing + 1, newSecret(), now)) {
      audit.record("web-secret.rotated", "web-secret", replacing + 1, "The previous secret keeps working until "
          + now.plus(properties.secretGrace()));
      List<WebSecretRepository.Generation> rows = repository.latest(GENERATIONS_READ);
      int oldestValid = rows.get(validCount(rows, now) - 1).generation();
      repository.deleteBelow(oldestValid);
    }
    cache = null;
    return current();
  }

  private List<String> validSecrets() {
    if (properties.secretFromEnvironment()) {
      return List.of(properties.secret());
    }
    List<WebSecretRepository.Generation> rows = rows(false);
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i < validCount(rows, clock.instant()); i++) {
      secrets.add(rows.get(i).secret());
    }
    return secrets;
  }

  /** The newest is always valid; each older one while its successor is younger than the grace period. */
  private int validCount(List<WebSecretRepository.Generation> newestFirst, Instant now) {
    int count = newestFirst.isEmpty() ? 0 : 1;
    while (count < newestFirst.size()
        && newestFirst.get(count - 1).createdAt().plus(properties.secretGrace()).isAfter(now)) {
      count++;
    }
    return count;
  }

  private List<WebSecretRepository.Generation> rows(boolean fresh) {
    Cached cached = cache;
    if (fresh || cached == null || System.nanoTime() - cached.loadedAt() > CACHE_NANOS) {
      List<WebSecretRepository.Generation> rows = repository.latest(GENERATIONS_READ);
      if (rows.isEmpty()) {
        // nodes starting together: the first insert wins, the others read it
        repository.insertOnce(1, newSecret(), clock.instant());
        rows = repository.latest(GENERATIONS_READ);
      }
      cached = new Cached(rows, System.nanoTime());
      cache = cached;
    }
    return cached.rows();
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
