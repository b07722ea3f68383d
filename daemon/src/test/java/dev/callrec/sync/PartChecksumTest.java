package dev.callrec.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PartChecksumTest {
  private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);
  /** CRC32C of "123456789" is 0xE3069283 (RFC 3720, B.4), base64 as S3 writes it. */
  private static final String CHECK_CRC32C = "4waSgw==";
  private static final String CHECK_MD5 = "25f9e794323b453885f5181f1b624d0b";

  @Test
  void crc32cIsTheStandardOneInBase64() {
    assertThat(PartChecksum.crc32c(CHECK, CHECK.length)).isEqualTo(CHECK_CRC32C);
    assertThat(PartChecksum.crc32c(CHECK, 8)).isNotEqualTo(CHECK_CRC32C);
  }

  @Test
  void theStoresCrc32cDecidesWhereItAnswersOne() {
    assertThat(PartChecksum.difference(CHECK_CRC32C, CHECK_CRC32C, "\"0000\"", CHECK, CHECK.length)).isNull();
    assertThat(PartChecksum.difference(CHECK_CRC32C, "AAAAAA==", "\"" + CHECK_MD5 + "\"", CHECK, CHECK.length))
        .isEqualTo("its CRC32C AAAAAA== differs from the recording's " + CHECK_CRC32C);
  }

  @Test
  void aStoreWithoutCrc32cIsHeldToItsMd5Etag() {
    assertThat(PartChecksum.difference(CHECK_CRC32C, null, "\"" + CHECK_MD5 + "\"", CHECK, CHECK.length)).isNull();
    assertThat(PartChecksum.difference(CHECK_CRC32C, null, "\"" + CHECK_MD5 + "\"", CHECK, 8))
        .startsWith("its MD5 " + CHECK_MD5 + " differs");
  }

  @Test
  void anEtagThatIsNoMd5SaysNothing() {
    assertThat(PartChecksum.difference(CHECK_CRC32C, null, "\"kms-encrypted-etag\"", CHECK, CHECK.length)).isNull();
    assertThat(PartChecksum.difference(CHECK_CRC32C, null, null, CHECK, CHECK.length)).isNull();
  }
}
