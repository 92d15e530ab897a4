package io.couponflow.importing;

/**
 * The name an import shows for its file: only what follows the last '/' or '\' of what the client
 * sent (a name is never used as a path), without control characters, at most 255 characters.
 */
public final class UploadName {
  static final int MAX_LENGTH = 255;

  private UploadName() {}

  public static String of(String sent) {
    String name = sent == null ? "" : sent;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return "upload.csv";
    }
    return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
  }
}
