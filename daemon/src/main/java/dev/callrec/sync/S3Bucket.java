package dev.callrec.sync;

import java.util.regex.Pattern;

/**
 * Where in an S3-compatible store recordings go: the bucket, a key prefix inside it (empty for the top), the
 * region the bucket is in, and whether the bucket is named in the path ({@code https://host/bucket/key}, what
 * MinIO, Ceph RGW and most self-hosted stores expect) rather than in the host name (AWS's default).
 */
public record S3Bucket(String name, String prefix, String region, boolean pathStyle) {
  /** The region AWS assumes when none is said; MinIO and Ceph accept it whatever they are set to. */
  public static final String DEFAULT_REGION = "us-east-1";
  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.\\-_]{1,254}");

  public S3Bucket {
    if (name == null || !BUCKET_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("\"" + name + "\" is not a bucket name: it has 3 to 255 lower-case letters,"
          + " digits, dots and hyphens.");
    }
    prefix = trimSlashes(prefix == null ? "" : prefix.trim());
    if (prefix.contains("//") || prefix.contains("\\")) {
      throw new IllegalArgumentException("The prefix \"" + prefix + "\" has an empty level or a backslash.");
    }
    region = region == null || region.isBlank() ? DEFAULT_REGION : region.trim();
  }

  /** The key prefix recordings go under, ending in {@code /}: {@code <prefix>/Recorded video calls/}. */
  String folderKey() {
    return (prefix.isEmpty() ? "" : prefix + "/") + Drives.FOLDER + "/";
  }

  private static String trimSlashes(String prefix) {
    int start = 0;
    int end = prefix.length();
    while (start < end && prefix.charAt(start) == '/') {
      start++;
    }
    while (end > start && prefix.charAt(end - 1) == '/') {
      end--;
    }
    return prefix.substring(start, end);
  }
}
