package io.couponflow.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem an API operation answers beyond the ones every call can get (400, 401, 403, 404, 413, 429
 * are added by the description's own rules): its status, the slug of its {@code type} and when it happens.
 * The OpenAPI description lists it with the Problem schema and an example.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {
  int status();

  /** The slug: the problem's type is {@code https://couponflow.io/problems/<type>}. */
  String type();

  String when();

  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @interface List {
    ProblemResponse[] value();
  }
}
