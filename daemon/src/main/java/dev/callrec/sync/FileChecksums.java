package dev.callrec.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Adler32;

/**
 * The checksums of a local file, computed only when a server reports one to compare with: reading a
 * recording of several gigabytes just to compare it with a server that reports nothing would be wasted.
 * Servers write them as ownCloud does, {@code SHA1:<hex> MD5:<hex> ADLER32:<hex>}.
 */
final class FileChecksums {
  private static final List<String> KNOWN = List.of("SHA256", "SHA1", "MD5", "ADLER32");

  private final Path file;
  private final Map<String, String> computed = new HashMap<>();

  FileChecksums(Path file) {
    this.file = file;
  }

  /** Parses ownCloud's {@code ALGORITHM:hex} pairs, separated by spaces or commas, into upper-case keys. */
  static Map<String, String> parse(String text) {
    Map<String, String> sums = new LinkedHashMap<>();
    if (text == null) {
      return sums;
    }
    for (String pair : text.trim().split("[\\s,]+")) {
      int colon = pair.indexOf(':');
      if (colon > 0 && colon < pair.length() - 1) {
        sums.put(normalize(pair.substring(0, colon)), pair.substring(colon + 1).toLowerCase(Locale.ROOT));
      }
    }
    return sums;
  }

  /** The file's SHA-1 in hex, computed once. */
  String sha1() throws DriveException {
    try {
      return hex("SHA1");
    } catch (IOException e) {
      throw new DriveException(DriveException.Kind.PERMANENT, "The recording " + file.getFileName()
          + " cannot be read to check its upload: " + e.getMessage(), e);
    }
  }

  /**
   * Returns a description of the first disagreement between {@code remote} and this file, or null if the
   * strongest sum both sides know agrees, or if the server reported none that can be computed here.
   */
  String disagreement(Map<String, String> remote) throws IOException {
    for (String algorithm : KNOWN) {
      String theirs = remote.get(algorithm);
      if (theirs != null) {
        String ours = hex(algorithm);
        return sameSum(algorithm, ours, theirs) ? null : algorithm + " " + theirs + " where the recording has " + ours;
      }
    }
    return null;
  }

  private static boolean sameSum(String algorithm, String ours, String theirs) {
    if (algorithm.equals("ADLER32")) {
      try {
        return Long.parseLong(ours, 16) == Long.parseLong(theirs, 16);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return ours.equals(theirs);
  }

  private String hex(String algorithm) throws IOException {
    String known = computed.get(algorithm);
    if (known == null) {
      known = compute(algorithm);
      computed.put(algorithm, known);
    }
    return known;
  }

  private String compute(String algorithm) throws IOException {
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      if (algorithm.equals("ADLER32")) {
        Adler32 adler = new Adler32();
        for (int n; (n = in.read(buffer)) > 0; ) {
          adler.update(buffer, 0, n);
        }
        return String.format("%08x", adler.getValue());
      }
      MessageDigest digest = digest(algorithm);
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(switch (normalize(algorithm)) {
        case "SHA1" -> "SHA-1";
        case "SHA256" -> "SHA-256";
        default -> algorithm;
      });
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has " + algorithm, e);
    }
  }

  private static String normalize(String algorithm) {
    return algorithm.toUpperCase(Locale.ROOT).replace("-", "");
  }
}
