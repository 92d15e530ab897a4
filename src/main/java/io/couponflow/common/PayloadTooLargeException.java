package io.couponflow.common;

import java.io.IOException;

/** Thrown while reading a request body that grew past its limit; answered with 413. */
public class PayloadTooLargeException extends IOException {
  public PayloadTooLargeException(String message) {
    super(message);
  }
}
