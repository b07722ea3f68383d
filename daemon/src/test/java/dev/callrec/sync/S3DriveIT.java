package dev.callrec.sync;

import static dev.callrec.sync.SyncTestFiles.largeRandomFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callrec.store.Database;
import dev.callrec.testing.DamagingProxy;
import dev.callrec.testing.S3Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Uploads to a real S3 API server (s3proxy on its filesystem backend), and takes it away at the worst moments. */
class S3DriveIT {
  private static final String NAME = "Team sync - Call 1 - Müller 2026-12-04.webm";
  private static final long MB = 1024 * 1024;
  private static final long PART = S3Drive.DEFAULT_PART_SIZE;
  private static final S3Bucket BUCKET = new S3Bucket(S3Server.BUCKET, "team/anna", "", true);
  private static final String KEY = "team/anna/Recorded video calls/" + NAME;

  @TempDir Path work;
  @TempDir Path local;
  private S3Server server;
  private Database database;
  private MultipartUploads multipart;
  private final ProgressLog progress = new ProgressLog();

  @BeforeEach
  void start() throws Exception {
    server = S3Server.start(work);
    database = Database.open(work.resolve("callrec.db"));
    multipart = new StoredMultipartUploads(database);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    database.close();
  }

  @Test
  void twoHundredMegabytesLandAsOneByteIdenticalObject() throws Exception {
    Path recording = largeRandomFile(local.resolve("call.webm"), 200 * MB + 7, 1);
    try (S3Drive drive = drive(S3Server.SECRET_KEY, 0)) {
      drive.check();
      long started = System.nanoTime();

      Drive.Uploaded uploaded = drive.upload(recording, NAME, progress);

      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(Locale.ROOT, "S3 upload of %d bytes in %d parts: %.2f s (%.0f MB/s)%n",
          Files.size(recording), (Files.size(recording) + PART - 1) / PART, seconds, 200 / seconds);
      assertThat(uploaded).isEqualTo(new Drive.Uploaded(KEY, Files.size(recording)));
      assertThat(server.keys()).containsExactly(KEY);
      assertThat(server.sha256(KEY)).isEqualTo(S3Server.sha256(recording));
      assertThat(server.unfinishedUploads()).isEmpty();
      assertThat(server.bytesReceived()).isEqualTo(Files.size(recording));
      assertThat(multipart.find(KEY)).isEmpty();
      progress.assertEndsAt(Files.size(recording));
    }
  }

  @Test
  void anInterruptedUploadSendsOnlyTheRemainingPartsAfterARestart() throws Exception {
    Path recording = largeRandomFile(local.resolve("call.webm"), 5 * PART + 12345, 2);
    long size = Files.size(recording);
    try (S3Drive drive = drive(S3Server.SECRET_KEY, 0)) {
      assertThatThrownBy(() -> drive.upload(recording, NAME, (sent, total) -> {
        if (sent > size * 45 / 100) {
          throw new CancellationException();
        }
      })).isInstanceOf(CancellationException.class);
    }
    long beforeRestart = server.bytesReceived();
    assertThat(multipart.find(KEY)).as("the upload id is kept").isPresent();

    try (S3Drive restarted = drive(S3Server.SECRET_KEY, 0)) {
      restarted.upload(recording, NAME, progress);
    }

    long resent = server.bytesReceived() - size;
    System.out.printf(Locale.ROOT, "Upload of %d bytes cut off after %d had arrived, then continued: %d bytes "
        + "sent again (part size %d)%n", size, beforeRestart, resent, PART);
    assertThat(resent).isBetween(0L, PART);
    progress.assertEndsAt(size);
    assertThat(server.keys()).containsExactly(KEY);
    assertThat(server.sha256(KEY)).isEqualTo(S3Server.sha256(recording));
    assertThat(server.unfinishedUploads()).isEmpty();
    assertThat(multipart.find(KEY)).isEmpty();
  }

  @Test
  void theServerStoppedAndRestartedMidUploadCostsAtMostOnePart() throws Exception {
    Path recording = largeRandomFile(local.resolve("call.webm"), 4 * PART + 99, 3);
    long size = Files.size(recording);
    ExecutorService uploads = Executors.newSingleThreadExecutor();
    try (S3Drive drive = drive(S3Server.SECRET_KEY, 16 * MB)) {
      Future<Drive.Uploaded> first = uploads.submit(() -> drive.upload(recording, NAME, progress));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (server.bytesReceived() < size / 2 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      server.stop();
      assertThatThrownBy(() -> first.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(DriveException.class)
          .cause().satisfies(e -> assertThat(((DriveException) e).kind()).isEqualTo(DriveException.Kind.TRANSIENT));
      long beforeRestart = server.bytesReceived();
      server.start();
      progress.clear();

      drive.upload(recording, NAME, progress);

      long resent = server.bytesReceived() - size;
      System.out.printf(Locale.ROOT, "S3 server stopped during an upload of %d bytes after %d had arrived, "
          + "started again: %d bytes sent again (part size %d)%n", size, beforeRestart, resent, PART);
      assertThat(resent).isBetween(0L, PART);
      assertThat(server.keys()).containsExactly(KEY);
      assertThat(server.sha256(KEY)).isEqualTo(S3Server.sha256(recording));
      assertThat(server.unfinishedUploads()).isEmpty();
    } finally {
      uploads.shutdownNow();
    }
  }

  @Test
  void aPartDamagedOnTheWayIsRefusedByTheStoreAndSentAgain() throws Exception {
    Path recording = largeRandomFile(local.resolve("call.webm"), 3 * PART + 999, 4);
    try (DamagingProxy network = DamagingProxy.to(server.endpoint(), PART + PART / 2);
        S3Drive drive = new S3Drive(network.endpoint(), BUCKET, S3Server.ACCESS_KEY, S3Server.SECRET_KEY, multipart,
            0, PART, SyncSettings.LONGEST_SHARE_LINK, Clock.systemUTC())) {
      assertThatThrownBy(() -> drive.upload(recording, NAME, progress)).isInstanceOfSatisfying(DriveException.class,
          e -> {
            assertThat(e.kind()).isEqualTo(DriveException.Kind.TRANSIENT);
            assertThat(e.getMessage()).contains("BadDigest");
          });
      assertThat(network.damaged()).isTrue();
      assertThat(server.keys()).isEmpty();

      drive.upload(recording, NAME, progress);
    }
    assertThat(server.keys()).containsExactly(KEY);
    assertThat(server.sha256(KEY)).isEqualTo(S3Server.sha256(recording));
    assertThat(server.unfinishedUploads()).isEmpty();
  }

  @Test
  void aWrongSecretIsRefusedAsCredentialsWithOneRequest() throws Exception {
    Path recording = largeRandomFile(local.resolve("call.webm"), 3 * PART, 4);
    try (S3Drive drive = drive("not-the-secret", 0)) {
      int before = server.requests();

      assertThatThrownBy(() -> drive.upload(recording, NAME, progress)).isInstanceOfSatisfying(DriveException.class,
          e -> {
            assertThat(e.kind()).isEqualTo(DriveException.Kind.CREDENTIALS);
            assertThat(e.getMessage()).contains(S3Server.ACCESS_KEY).contains("Connect the Drive again")
                .doesNotContain("not-the-secret");
          });

      assertThat(server.requests() - before).isEqualTo(1);
      assertThatThrownBy(drive::check).isInstanceOfSatisfying(DriveException.class,
          e -> assertThat(e.kind()).isEqualTo(DriveException.Kind.CREDENTIALS));
    }
    try (S3Drive unknownKey = new S3Drive(server.endpoint(), BUCKET, "nobody", "x", multipart, SyncSettings.DEFAULT)) {
      assertThatThrownBy(unknownKey::check).isInstanceOfSatisfying(DriveException.class, e -> {
        assertThat(e.kind()).isEqualTo(DriveException.Kind.CREDENTIALS);
        assertThat(e.getMessage()).contains("access key nobody").contains("Connect the Drive again");
      });
    }
    assertThat(server.keys()).isEmpty();
    assertThat(server.bytesReceived()).isZero();
  }

  @Test
  void aSmallRecordingGoesInOnePutLandsOnceAndItsShareLinkDownloadsIt() throws Exception {
    Path recording = largeRandomFile(local.resolve("call.webm"), 3 * MB + 1, 5);
    try (S3Drive drive = drive(S3Server.SECRET_KEY, 0)) {
      Drive.Uploaded uploaded = drive.upload(recording, NAME, progress);
      long received = server.bytesReceived();

      assertThat(drive.upload(recording, NAME, progress)).isEqualTo(uploaded);

      assertThat(server.bytesReceived()).as("nothing is sent twice").isEqualTo(received).isEqualTo(3 * MB + 1);
      assertThat(server.keys()).containsExactly(KEY);
      String link = drive.shareLink(uploaded);
      assertThat(link).startsWith(server.endpoint() + "/" + S3Server.BUCKET + "/team/anna/Recorded%20video%20calls/")
          .contains("X-Amz-Expires=604800");
      HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.body()).isEqualTo(Files.readAllBytes(recording));
    }
  }

  @Test
  void anotherFileUnderTheNameIsLeftAloneAndTheUserIsTold() throws Exception {
    Path theirs = largeRandomFile(local.resolve("theirs.webm"), 2 * PART + 5, 6);
    Path ours = largeRandomFile(local.resolve("ours.webm"), 2 * PART + 5, 7);
    try (S3Drive drive = drive(S3Server.SECRET_KEY, 0)) {
      drive.upload(theirs, NAME, progress);

      assertThatThrownBy(() -> drive.upload(ours, NAME, progress)).isInstanceOfSatisfying(DriveException.class, e -> {
        assertThat(e.kind()).isEqualTo(DriveException.Kind.PERMANENT);
        assertThat(e.getMessage()).contains("A different file named \"" + NAME + "\"");
      });
      assertThat(server.sha256(KEY)).isEqualTo(S3Server.sha256(theirs));
      assertThat(server.unfinishedUploads()).isEmpty();
    }
  }

  @Test
  void anUploadTheServerForgotStartsOverAndAbandonedOnesAreAborted() throws Exception {
    Path recording = largeRandomFile(local.resolve("call.webm"), 2 * PART + 5, 8);
    multipart.remember(new MultipartUploads.Started(KEY, "no-such-upload", PART, Instant.now()));
    try (S3Client s3 = client()) {
      s3.createMultipartUpload(b -> b.bucket(S3Server.BUCKET).key("team/anna/Recorded video calls/old.webm"));
      s3.createMultipartUpload(b -> b.bucket(S3Server.BUCKET).key("elsewhere/old.webm"));
    }
    try (S3Drive drive = drive(S3Server.SECRET_KEY, 0)) {
      drive.upload(recording, NAME, progress);
      assertThat(server.sha256(KEY)).isEqualTo(S3Server.sha256(recording));
      assertThat(multipart.find(KEY)).isEmpty();
      drive.check();
      assertThat(server.unfinishedUploads()).as("a fresh one is left alone").hasSize(2);
    }
    Clock twoDaysOn = Clock.fixed(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC);
    try (S3Drive later = new S3Drive(server.endpoint(), BUCKET, S3Server.ACCESS_KEY, S3Server.SECRET_KEY, multipart,
        0, PART, SyncSettings.LONGEST_SHARE_LINK, twoDaysOn)) {
      later.check();
    }
    assertThat(server.unfinishedUploads()).extracting(u -> u.key()).containsExactly("elsewhere/old.webm");
  }

  @Test
  void aMissingBucketIsNamedInTheMessage() throws Exception {
    S3Bucket missing = new S3Bucket("no-such-bucket", "", "", true);
    try (S3Drive drive = new S3Drive(server.endpoint(), missing, S3Server.ACCESS_KEY, S3Server.SECRET_KEY, multipart,
        SyncSettings.DEFAULT)) {
      assertThatThrownBy(drive::check).isInstanceOfSatisfying(DriveException.class, e -> {
        assertThat(e.kind()).isEqualTo(DriveException.Kind.PERMANENT);
        assertThat(e.getMessage()).contains("has no bucket named no-such-bucket");
      });
    }
  }

  private S3Drive drive(String secret, long bytesPerSecond) {
    return new S3Drive(server.endpoint(), BUCKET, S3Server.ACCESS_KEY, secret, multipart, bytesPerSecond, PART,
        SyncSettings.LONGEST_SHARE_LINK, Clock.systemUTC());
  }

  private S3Client client() {
    return S3Client.builder().httpClientBuilder(Apache5HttpClient.builder()).endpointOverride(server.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
        .build();
  }
}
