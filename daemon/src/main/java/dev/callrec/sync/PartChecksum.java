package dev.callrec.sync;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * How callrec tells that a part (or a small recording sent whole) is on the store as it was sent. Its CRC32C
 * goes with it ({@code x-amz-checksum-crc32c}): the store checks it, refuses a part that does not match, and
 * answers with it. A store that does not know the header ignores it and answers without one; then the ETag it
 * answers is compared with the part's MD5, where the ETag is an MD5 (it is not in encrypted buckets). CRC32C
 * costs next to nothing; the MD5 is worked out only for such stores.
 */
final class PartChecksum {
  static final Pattern PLAIN_MD5 = Pattern.compile("[0-9a-fA-F]{32}");

  private PartChecksum() {}

  /** The CRC32C of the first {@code length} bytes, base64 as S3 writes it. */
  static String crc32c(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /**
   * What shows that the store's part is not these bytes, or null if nothing does: {@code answeredCrc32c} and
   * {@code etag} are what the store said of its part, {@code crc32c} is the bytes' own.
   */
  static String difference(String crc32c, String answeredCrc32c, String etag, byte[] bytes, int length) {
    if (answeredCrc32c != null) {
      return answeredCrc32c.equals(crc32c) ? null
          : "its CRC32C " + answeredCrc32c + " differs from the recording's " + crc32c;
    }
    String plain = unquote(etag);
    if (plain == null || !PLAIN_MD5.matcher(plain).matches()) {
      return null;
    }
    MessageDigest md5 = md5();
    md5.update(bytes, 0, length);
    String ours = HexFormat.of().formatHex(md5.digest());
    return plain.equalsIgnoreCase(ours) ? null : "its MD5 " + plain + " differs from the recording's " + ours;
  }

  /** An ETag without the quotes S3 puts around it. */
  static String unquote(String etag) {
    if (etag == null) {
      return null;
    }
    String trimmed = etag.trim();
    return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
        ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
  }

  static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This Java has no MD5", e);
    }
  }
}
