package dev.callrec.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callrec.testing.ApacheDav.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Apache fixture answers like the WebDAV servers the uploader meets, and can be taken away and brought back. */
class ApacheDavIT {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private ApacheDav apache;

  @BeforeEach
  void start(@TempDir Path work) throws Exception {
    apache = ApacheDav.start(work);
  }

  @AfterEach
  void stop() throws Exception {
    apache.close();
    apache.close();
  }

  @Test
  void storesWhatIsPutAndLogsItsSize() throws Exception {
    byte[] bytes = new byte[1_000_000];
    new Random(7).nextBytes(bytes);
    assertThat(apache.requests()).isEmpty();

    assertThat(send("PUT", apache.davUrl().resolve("call.mkv"), bytes, apache.password()).statusCode())
        .isEqualTo(201);

    assertThat(Files.readAllBytes(apache.davRoot().resolve("call.mkv"))).isEqualTo(bytes);
    HttpResponse<String> head = send("HEAD", apache.davUrl().resolve("call.mkv"), null, apache.password());
    assertThat(head.headers().firstValue("ETag")).isPresent();
    LoggedRequest put = awaitLogged("PUT", "/dav/call.mkv");
    assertThat(put.status()).isEqualTo(201);
    assertThat(put.bytesIn()).isBetween((long) bytes.length, bytes.length + 1000L);
  }

  @Test
  void refusesAWrongPassword() throws Exception {
    assertThat(send("PUT", apache.davUrl().resolve("x"), new byte[10], "wrong").statusCode()).isEqualTo(401);
    assertThat(apache.davRoot().resolve("x")).doesNotExist();
  }

  @Test
  void theFullFolderRefusesEveryPutButNothingElse() throws Exception {
    assertThat(send("PUT", apache.fullUrl().resolve("x"), new byte[10], "wrong").statusCode()).isEqualTo(401);
    assertThat(send("PUT", apache.fullUrl().resolve("x"), new byte[10], apache.password()).statusCode())
        .isEqualTo(507);
    assertThat(send("MKCOL", apache.fullUrl().resolve("calls/"), null, apache.password()).statusCode())
        .isEqualTo(201);
    HttpRequest propfind = authorized(apache.fullUrl(), apache.password())
        .header("Depth", "1").method("PROPFIND", BodyPublishers.noBody()).build();
    HttpResponse<String> listing = http.send(propfind, BodyHandlers.ofString());
    assertThat(listing.statusCode()).isEqualTo(207);
    assertThat(listing.body()).contains("/full/calls/");
  }

  @Test
  void makesFoldersAndMovesWithoutOverwriting() throws Exception {
    URI folder = apache.davUrl().resolve("calls/");
    assertThat(send("MKCOL", folder, null, apache.password()).statusCode()).isEqualTo(201);
    assertThat(apache.davRoot().resolve("calls")).isDirectory();
    send("PUT", folder.resolve("a.part"), "new".getBytes(StandardCharsets.UTF_8), apache.password());
    send("PUT", folder.resolve("a.mkv"), "old".getBytes(StandardCharsets.UTF_8), apache.password());

    HttpRequest move = authorized(folder.resolve("a.part"), apache.password())
        .header("Destination", folder.resolve("a.mkv").toString()).header("Overwrite", "F")
        .method("MOVE", BodyPublishers.noBody()).build();

    assertThat(http.send(move, BodyHandlers.discarding()).statusCode()).isEqualTo(412);
    assertThat(apache.davRoot().resolve("calls/a.mkv")).hasContent("old");
  }

  /** Apache's default cap on a request body is 1 GB; this one has none, so it asks for a 3 GB body. */
  @Test
  void acceptsBodiesOverAGigabyte() throws Exception {
    String credentials = Base64.getEncoder().encodeToString(
        (apache.user() + ":" + apache.password()).getBytes(StandardCharsets.UTF_8));
    try (Socket socket = new Socket(apache.davUrl().getHost(), apache.davUrl().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("PUT /dav/huge.mkv HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + credentials
          + "\r\nContent-Length: 3000000000\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] statusLine = new byte["HTTP/1.1 100".length()];
      assertThat(in.readNBytes(statusLine, 0, statusLine.length)).isEqualTo(statusLine.length);
      assertThat(new String(statusLine, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 100");
    }
  }

  @Test
  void stopsMidUploadAndComesBackOnTheSamePort() throws Exception {
    URI file = apache.davUrl().resolve("a.mkv");
    HttpRequest endless = authorized(file, apache.password())
        .PUT(BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(Zeros::new), 100L << 30)).build();
    CompletableFuture<HttpResponse<Void>> upload = http.sendAsync(endless, BodyHandlers.discarding());
    Thread.sleep(300);

    apache.stop();

    assertThatThrownBy(() -> upload.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
    assertThatThrownBy(() -> new Socket(file.getHost(), file.getPort()).close()).isInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> send("PUT", file, new byte[10], apache.password())).isInstanceOf(IOException.class);

    apache.restart();

    assertThat(send("PUT", file, new byte[10], apache.password()).statusCode()).isEqualTo(201);
    assertThat(apache.davUrl().resolve("a.mkv")).isEqualTo(file);
    assertThat(apache.davRoot().resolve("a.mkv")).hasSize(10);
  }

  private static final class Zeros extends InputStream {
    @Override
    public int read() {
      return 0;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      Arrays.fill(buffer, offset, offset + length, (byte) 0);
      return length;
    }
  }

  private HttpRequest.Builder authorized(URI uri, String password) {
    String credentials = apache.user() + ":" + password;
    return HttpRequest.newBuilder(uri).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> send(String method, URI uri, byte[] body, String password) throws Exception {
    HttpRequest request = authorized(uri, password)
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body)).build();
    return http.send(request, BodyHandlers.ofString());
  }

  private LoggedRequest awaitLogged(String method, String path) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      List<LoggedRequest> requests = apache.requests();
      for (LoggedRequest request : requests) {
        if (request.method().equals(method) && request.path().equals(path)) {
          return request;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(method + " " + path + " is not in the access log: " + requests);
      }
      Thread.sleep(20);
    }
  }
}
