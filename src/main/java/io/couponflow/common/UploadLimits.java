package io.couponflow.common;

/** Which of the container's upload limits a failed multipart parse hit. */
public final class UploadLimits {
  private UploadLimits() {}

  /**
   * True when the form fields (such as a pasted list) went over the connector's maxPostSize
   * (2 MB), false for a file over COUPONFLOW_MAX_UPLOAD_SIZE. Tomcat says which only in its message.
   */
  public static boolean formFieldsOverLimit(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("maxPostSize")) {
        return true;
      }
    }
    return false;
  }
}
