package dev.callrec.sync;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one WebDAV request and tells what came back, turning what every request can meet (a refused
 * password, a full Drive, a server or network that is down) into a {@link DriveException} of the right kind.
 * Never retries: whether and when to try again is the caller's call, and a retry here would hide a dead
 * connection from it.
 *
 * <p>The password goes preemptively into a Basic {@code Authorization} header, built once; it is in no message,
 * log line or {@code toString}.
 */
final class WebDavClient implements AutoCloseable {
  static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(10);
  static final Timeout SOCKET_TIMEOUT = Timeout.ofSeconds(60);
  private static final int MAX_BODY_BYTES = 1 << 20;
  private static final Pattern SABRE_MESSAGE = Pattern.compile("<(?:\\w+:)?message[^>]*>([^<]{1,300})</");

  /** The status, the headers (names lower-case, first value) and the body of an answer, if it had one. */
  record Answer(int status, String reason, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String describe() {
      return status + (reason == null || reason.isBlank() ? "" : " " + reason);
    }
  }

  private final CloseableHttpClient http;
  private final String authorization;
  private final String server;
  private final String user;

  WebDavClient(URI baseUrl, String user, char[] password) {
    this.server = baseUrl.getPort() == -1 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
    this.user = user;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
    this.http = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(CONNECT_TIMEOUT)
                .setSocketTimeout(SOCKET_TIMEOUT)
                // A server that restarted leaves dead connections in the pool; one byte's read finds them.
                .setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS)
                .build())
            .build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(SOCKET_TIMEOUT)
            // A refused password or a full Drive answers before gigabytes are sent in vain.
            .setExpectContinueEnabled(true)
            .setAuthenticationEnabled(false)
            .setRedirectsEnabled(false)
            .build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .setUserAgent("callrec")
        .build();
  }

  /** {@code host} or {@code host:port}, for messages. */
  String server() {
    return server;
  }

  /**
   * Sends {@code request}; {@code doing} completes "could not …" in messages. Returns every answer that only
   * the caller can judge, 404 and 409 and 412 among them.
   */
  Answer send(ClassicHttpRequest request, String doing, Path localFile) throws DriveException, InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
    Answer answer;
    try {
      answer = http.execute(request, WebDavClient::read);
    } catch (UploadBody.UnreadableFileException e) {
      if (localFile != null && !Files.exists(localFile)) {
        throw DriveFiles.missing(localFile);
      }
      throw new DriveException(DriveException.Kind.TRANSIENT,
          "Could not read the recording " + localFile + ": " + e.getMessage(), e);
    } catch (IOException e) {
      if (Thread.interrupted()) {
        InterruptedException interrupted = new InterruptedException("Interrupted while trying to " + doing);
        interrupted.initCause(e);
        throw interrupted;
      }
      throw failure(e, doing);
    }
    return checked(answer, doing);
  }

  private DriveException failure(IOException e, String doing) {
    String problem;
    DriveException.Kind kind = DriveException.Kind.TRANSIENT;
    if (e instanceof ConnectTimeoutException || e instanceof SocketTimeoutException) {
      problem = "The Drive at " + server + " did not answer in time";
    } else if (e instanceof ConnectException) {
      problem = "Could not reach the Drive at " + server
          + (reason(e).contains("refused") ? " (connection refused)" : " (" + reason(e) + ")");
    } else if (e instanceof UnknownHostException) {
      problem = "Could not find the Drive at " + server + ": no such host is known here";
    } else if (e instanceof SSLHandshakeException) {
      kind = DriveException.Kind.PERMANENT;
      problem = "Could not set up a secure connection to the Drive at " + server + " (" + reason(e)
          + "). Check its address and certificate";
    } else {
      problem = "The connection to the Drive at " + server + " broke (" + reason(e) + ")";
    }
    return new DriveException(kind, problem + " while trying to " + doing + ".", e);
  }

  private Answer checked(Answer answer, String doing) throws DriveException {
    int status = answer.status();
    if (status == 401) {
      throw new DriveException(DriveException.Kind.CREDENTIALS,
          "The Drive at " + server + " refused user " + user + "'s password. Connect the Drive again.");
    }
    if (status == 403) {
      throw new DriveException(DriveException.Kind.CREDENTIALS, "The Drive at " + server + " does not let user "
          + user + " " + doing + " (" + answer.describe() + detail(answer) + "). Check the account, or connect "
          + "the Drive again with another one.");
    }
    if (status == 507) {
      throw new DriveException(DriveException.Kind.QUOTA, "The Drive at " + server + " is full: there is no room"
          + " to " + doing + ". Make room on it, and the recording will be uploaded.");
    }
    if (status == 408 || status == 423 || status == 425 || status == 429 || status >= 500) {
      throw new DriveException(DriveException.Kind.TRANSIENT, "The Drive at " + server + " could not " + doing
          + " just now (" + answer.describe() + detail(answer) + ").");
    }
    return answer;
  }

  /** For answers no rule above covers: something that trying again will not change. */
  DriveException unexpected(Answer answer, String doing) {
    return new DriveException(DriveException.Kind.PERMANENT, "The Drive at " + server + " would not let callrec "
        + doing + " (" + answer.describe() + detail(answer) + ").");
  }

  private static String detail(Answer answer) {
    if (answer.body() == null) {
      return "";
    }
    Matcher message = SABRE_MESSAGE.matcher(answer.body());
    return message.find() ? ": " + message.group(1).trim() : "";
  }

  private static String reason(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static Answer read(ClassicHttpResponse response) throws IOException {
    Map<String, String> headers = new HashMap<>();
    for (Header header : response.getHeaders()) {
      headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
    }
    HttpEntity entity = response.getEntity();
    String body = null;
    if (entity != null) {
      boolean wanted = response.getCode() == 207 || response.getCode() >= 400;
      if (wanted && entity.getContentLength() <= MAX_BODY_BYTES) {
        body = new String(EntityUtils.toByteArray(entity, MAX_BODY_BYTES), StandardCharsets.UTF_8);
      } else {
        EntityUtils.consume(entity);
      }
    }
    return new Answer(response.getCode(), response.getReasonPhrase(), headers, body);
  }

  @Override
  public void close() {
    http.close(CloseMode.GRACEFUL);
  }
}
