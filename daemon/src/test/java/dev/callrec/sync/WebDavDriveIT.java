package dev.callrec.sync;

import static dev.callrec.sync.SyncTestFiles.namesIn;
import static dev.callrec.sync.SyncTestFiles.randomFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callrec.testing.ApacheDav;
import dev.callrec.testing.ApacheDav.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads to a real Apache mod_dav, and takes it away at the worst moments. */
class WebDavDriveIT {
  private static final String NAME = "Team sync - Call 1 - Müller 2026-12-04.webm";
  private static final String FOLDER = "Recorded video calls";

  @TempDir Path work;
  @TempDir Path local;
  private ApacheDav apache;
  private WebDavDrive drive;
  private final ProgressLog progress = new ProgressLog();

  @BeforeEach
  void start() throws Exception {
    apache = ApacheDav.start(work);
    drive = new WebDavDrive(apache.davUrl(), apache.user(), apache.password().toCharArray());
  }

  @AfterEach
  void stop() throws Exception {
    drive.close();
    apache.close();
  }

  @Test
  void uploadsAByteIdenticalCopyOnceAndFindsItWhenAskedAgain() throws Exception {
    Path recording = randomFile(local.resolve("call.webm"), 20 * 1024 * 1024 + 3, 1);

    Drive.Uploaded uploaded = drive.upload(recording, NAME, progress);

    assertThat(uploaded).isEqualTo(new Drive.Uploaded(FOLDER + "/" + NAME, Files.size(recording)));
    assertThat(Files.mismatch(recording, serverFolder().resolve(NAME))).isEqualTo(-1);
    assertThat(namesIn(serverFolder())).containsExactly(NAME);
    progress.assertEndsAt(Files.size(recording));
    assertThat(drive.shareLink(uploaded)).isEqualTo(apache.davUrl()
        + "Recorded%20video%20calls/Team%20sync%20-%20Call%201%20-%20M%C3%BCller%202026-12-04.webm");
    assertThat(get(URI.create(drive.shareLink(uploaded)))).isEqualTo(Files.readAllBytes(recording));
    List<LoggedRequest> first = settledRequests();
    assertThat(puts(first)).hasSize(1);
    assertThat(puts(first).get(0).path()).isEqualTo("/dav/" + FOLDER + "/." + NAME + ".upload");
    assertThat(puts(first).get(0).bytesIn()).isGreaterThanOrEqualTo(Files.size(recording));
    progress.clear();

    assertThat(drive.upload(recording, NAME, progress)).isEqualTo(uploaded);

    List<LoggedRequest> again = settledRequests().subList(first.size(), settledRequests().size());
    assertThat(puts(again)).isEmpty();
    assertThat(namesIn(serverFolder())).containsExactly(NAME);
    progress.assertEndsAt(Files.size(recording));
  }

  @Test
  void replacesWhatACrashedAttemptLeftUnderTheHiddenName() throws Exception {
    Path recording = randomFile(local.resolve("call.webm"), 1_000_000, 2);
    serverRequest("MKCOL", FOLDER + "/", null);
    serverRequest("PUT", FOLDER + "/." + NAME + ".upload", "half a recording".getBytes(StandardCharsets.UTF_8));

    drive.upload(recording, NAME, progress);

    assertThat(Files.mismatch(recording, serverFolder().resolve(NAME))).isEqualTo(-1);
    assertThat(namesIn(serverFolder())).containsExactly(NAME);
  }

  @Test
  void findsTheFileAnEarlierAttemptLandedWithoutSendingItAgain() throws Exception {
    Path recording = randomFile(local.resolve("call.webm"), 1_000_000, 3);
    serverRequest("MKCOL", FOLDER + "/", null);
    serverRequest("PUT", FOLDER + "/" + NAME, Files.readAllBytes(recording));
    int before = settledRequests().size();

    Drive.Uploaded uploaded = drive.upload(recording, NAME, progress);

    assertThat(uploaded.size()).isEqualTo(Files.size(recording));
    assertThat(puts(settledRequests().subList(before, settledRequests().size()))).isEmpty();
    assertThat(namesIn(serverFolder())).containsExactly(NAME);
    progress.assertEndsAt(Files.size(recording));
  }

  @Test
  void leavesADifferentFileOfTheSameNameAloneAndSaysSo() throws Exception {
    Path recording = randomFile(local.resolve("call.webm"), 1_000_000, 4);
    serverRequest("MKCOL", FOLDER + "/", null);
    serverRequest("PUT", FOLDER + "/" + NAME, "someone else's file".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> drive.upload(recording, NAME, progress))
        .isInstanceOfSatisfying(DriveException.class, e -> {
          assertThat(e.kind()).isEqualTo(DriveException.Kind.PERMANENT);
          assertThat(e.getMessage()).contains("A different file named \"" + NAME + "\"");
        });
    assertThat(serverFolder().resolve(NAME)).hasContent("someone else's file");
    assertThat(namesIn(serverFolder())).containsExactly(NAME);
  }

  @Test
  void aWrongPasswordIsOneRequestAndNeverShown() throws Exception {
    String wrong = "not-the-password-42";
    Path recording = randomFile(local.resolve("call.webm"), 1_000_000, 5);
    try (WebDavDrive refused = new WebDavDrive(apache.davUrl(), apache.user(), wrong.toCharArray())) {
      assertThatThrownBy(() -> refused.upload(recording, NAME, progress))
          .isInstanceOfSatisfying(DriveException.class, e -> {
            assertThat(e.kind()).isEqualTo(DriveException.Kind.CREDENTIALS);
            assertThat(e.getMessage()).isEqualTo("The Drive at 127.0.0.1:" + apache.davUrl().getPort()
                + " refused user alice's password. Connect the Drive again.");
          });
      assertThat(refused.describe()).isEqualTo("WebDAV " + apache.davUrl() + " as alice").doesNotContain(wrong);
    }
    assertThat(settledRequests()).singleElement().satisfies(request -> assertThat(request.status()).isEqualTo(401));
  }

  /** Apache keeps any property it is given, so it can play a server that keeps checksums, as ownCloud does. */
  @Test
  void comparesTheChecksumTheServerKeeps() throws Exception {
    Path recording = randomFile(local.resolve("call.webm"), 1_000_000, 9);
    String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(recording)));
    serverRequest("MKCOL", FOLDER + "/", null);
    serverRequest("PUT", FOLDER + "/" + NAME, Files.readAllBytes(recording));

    setChecksums(FOLDER + "/" + NAME, "SHA1:" + "0".repeat(40) + " MD5:" + "0".repeat(32));
    assertThatThrownBy(() -> drive.upload(recording, NAME, progress))
        .isInstanceOfSatisfying(DriveException.class, e -> {
          assertThat(e.kind()).isEqualTo(DriveException.Kind.PERMANENT);
          assertThat(e.getMessage()).contains("A different file named");
        });

    setChecksums(FOLDER + "/" + NAME, "SHA1:" + sha1.toUpperCase(Locale.ROOT) + " MD5:" + "0".repeat(32));
    int before = settledRequests().size();
    assertThat(drive.upload(recording, NAME, progress).size()).isEqualTo(Files.size(recording));
    assertThat(puts(settledRequests().subList(before, settledRequests().size()))).isEmpty();
  }

  @Test
  void aFullDriveIsQuota() throws Exception {
    Path recording = randomFile(local.resolve("call.webm"), 1_000_000, 6);
    try (WebDavDrive full = new WebDavDrive(apache.fullUrl(), apache.user(), apache.password().toCharArray())) {
      assertThatThrownBy(() -> full.upload(recording, NAME, progress))
          .isInstanceOfSatisfying(DriveException.class, e -> {
            assertThat(e.kind()).isEqualTo(DriveException.Kind.QUOTA);
            assertThat(e.getMessage()).contains("is full");
          });
    }
    assertThat(settledRequests()).filteredOn(request -> request.method().equals("PUT"))
        .singleElement().satisfies(put -> {
          assertThat(put.status()).isEqualTo(507);
          assertThat(put.bytesIn()).as("refused before the body was sent").isLessThan(Files.size(recording));
        });
  }

  @Test
  void aServerThatIsDownIsTransient() throws Exception {
    Path recording = randomFile(local.resolve("call.webm"), 1_000_000, 7);
    apache.stop();

    assertThatThrownBy(() -> drive.upload(recording, NAME, progress))
        .isInstanceOfSatisfying(DriveException.class, e -> {
          assertThat(e.kind()).isEqualTo(DriveException.Kind.TRANSIENT);
          assertThat(e.getMessage()).isEqualTo("Could not reach the Drive at 127.0.0.1:" + apache.davUrl().getPort()
              + " (connection refused) while trying to create the folder Recorded video calls.");
        });
  }

  @Test
  void anUploadCutShortIsTransientAndLandsOnceWhenTriedAgain() throws Exception {
    Path recording = randomFile(local.resolve("call.webm"), 4 * 1024 * 1024, 8);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (WebDavDrive slow = new WebDavDrive(apache.davUrl(), apache.user(), apache.password().toCharArray(),
        FOLDER, 1024 * 1024)) {
      Future<Drive.Uploaded> upload = executor.submit(() -> slow.upload(recording, NAME, progress));
      Thread.sleep(1000);
      assertThat(upload).isNotDone();
      assertThat(progress.last()).isBetween(1L, Files.size(recording) - 1);

      apache.stop();

      assertThatThrownBy(() -> upload.get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOfSatisfying(DriveException.class,
              e -> assertThat(e.kind()).isEqualTo(DriveException.Kind.TRANSIENT));
      assertThat(serverFolder().resolve(NAME)).doesNotExist();

      apache.restart();
      progress.clear();
      int before = settledRequests().size();

      slow.upload(recording, NAME, progress);

      assertThat(Files.mismatch(recording, serverFolder().resolve(NAME))).isEqualTo(-1);
      assertThat(namesIn(serverFolder())).as("Apache's own temporary file from the cut PUT may stay")
          .contains(NAME).allMatch(name -> name.equals(NAME) || name.startsWith(".davfs.tmp"));
      List<LoggedRequest> retry = settledRequests().subList(before, settledRequests().size());
      assertThat(puts(retry)).singleElement().satisfies(put -> assertThat(put.status()).isEqualTo(201));
      assertThat(retry).filteredOn(request -> request.method().equals("MOVE")).singleElement();
      assertThat(progress.first()).isZero();
      progress.assertEndsAt(Files.size(recording));
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void checkMakesTheFolderAndRefusesAnAddressWithNoWebDavFolderBehindIt() throws Exception {
    drive.check();
    assertThat(serverFolder()).isDirectory();

    try (WebDavDrive nowhere = new WebDavDrive(apache.davUrl().resolve("nowhere/"), apache.user(),
        apache.password().toCharArray())) {
      assertThatThrownBy(nowhere::check).isInstanceOfSatisfying(DriveException.class, e -> {
        assertThat(e.kind()).isEqualTo(DriveException.Kind.PERMANENT);
        assertThat(e.getMessage()).startsWith(apache.davUrl() + "nowhere/ is not a WebDAV folder: the server has no "
            + "folder there (409 Conflict).");
      });
    }
  }

  private Path serverFolder() {
    return apache.davRoot().resolve(FOLDER);
  }

  private static List<LoggedRequest> puts(List<LoggedRequest> requests) {
    return requests.stream().filter(request -> request.method().equals("PUT")).toList();
  }

  /** The access log once it stopped growing: a request is logged just after its answer. */
  private List<LoggedRequest> settledRequests() throws Exception {
    List<LoggedRequest> seen = apache.requests();
    while (true) {
      Thread.sleep(150);
      List<LoggedRequest> now = apache.requests();
      if (now.equals(seen)) {
        return now;
      }
      seen = now;
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private void serverRequest(String method, String path, byte[] body) throws Exception {
    URI uri = URI.create(apache.davUrl() + path.replace(" ", "%20").replace("ü", "%C3%BC"));
    int status = http.send(authorized(uri)
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body)).build(),
        BodyHandlers.discarding()).statusCode();
    assertThat(status).as(method + " " + path).isBetween(200, 299);
  }

  private void setChecksums(String path, String checksums) throws Exception {
    serverRequest("PROPPATCH", path, """
        <?xml version="1.0" encoding="utf-8"?>
        <d:propertyupdate xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns">
          <d:set><d:prop><oc:checksums><oc:checksum>%s</oc:checksum></oc:checksums></d:prop></d:set>
        </d:propertyupdate>
        """.formatted(checksums).getBytes(StandardCharsets.UTF_8));
  }

  private byte[] get(URI uri) throws IOException, InterruptedException {
    return http.send(authorized(uri).GET().build(), BodyHandlers.ofByteArray()).body();
  }

  private HttpRequest.Builder authorized(URI uri) {
    String credentials = apache.user() + ":" + apache.password();
    return HttpRequest.newBuilder(uri).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }
}
