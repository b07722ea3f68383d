package dev.callrec.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

class ChecksummedBodySignerTest {
  private static final byte[] BODY = "a part of a recording".getBytes(StandardCharsets.UTF_8);
  private final ChecksummedBodySigner signer = new ChecksummedBodySigner();

  @Test
  void aBodyWithAChecksumOverPlainHttpIsSignedUnsignedWithTheChecksumAmongTheSignedHeaders() {
    SdkHttpRequest put = put("http://store.example:9000", true);

    SignedRequest signed = signer.sign(signRequest(put));

    assertThat(signed.request().protocol()).isEqualTo("http");
    assertThat(signed.request().port()).isEqualTo(9000);
    assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256")).contains("UNSIGNED-PAYLOAD");
    assertThat(signed.request().firstMatchingHeader("Content-Encoding")).isEmpty();
    assertThat(signed.request().firstMatchingHeader("Authorization")).hasValueSatisfying(authorization ->
        assertThat(authorization).contains("SignedHeaders=").contains("x-amz-checksum-crc32c")
            .contains("x-amz-content-sha256"));
    assertThat(signed.request().getUri()).isEqualTo(put.getUri());
  }

  @Test
  void aBodyWithoutAChecksumOverPlainHttpIsSignedAsTheSdkSignsIt() {
    SignedRequest signed = signer.sign(signRequest(put("http://store.example:9000", false)));

    assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256"))
        .hasValueSatisfying(hash -> assertThat(hash).isNotEqualTo("UNSIGNED-PAYLOAD"));
  }

  @Test
  void theSignatureIsTheOneTheSdkMakesOverHttpsForTheSameRequest() {
    SignedRequest overHttp = signer.sign(signRequest(put("http://store.example:9000", true)));
    SignedRequest overHttps = AwsV4HttpSigner.create().sign(signRequest(put("https://store.example:9000", true))
        .copy(b -> b.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)));

    assertThat(overHttp.request().firstMatchingHeader("Authorization"))
        .isEqualTo(overHttps.request().firstMatchingHeader("Authorization"));
  }

  private static SdkHttpRequest put(String endpoint, boolean withChecksum) {
    SdkHttpRequest.Builder put = SdkHttpRequest.builder().uri(URI.create(endpoint + "/recordings/calls/part"))
        .method(SdkHttpMethod.PUT).putRawQueryParameter("partNumber", "1").putRawQueryParameter("uploadId", "u1")
        .putHeader("Content-Length", String.valueOf(BODY.length));
    if (withChecksum) {
      put.putHeader("x-amz-checksum-crc32c", PartChecksum.crc32c(BODY, BODY.length));
    }
    return put.build();
  }

  private static SignRequest<AwsCredentialsIdentity> signRequest(SdkHttpRequest request) {
    return SignRequest.builder(AwsCredentialsIdentity.create("key-id", "secret"))
        .request(request)
        .payload(ContentStreamProvider.fromByteArray(BODY))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, true)
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC))
        .build();
  }
}
