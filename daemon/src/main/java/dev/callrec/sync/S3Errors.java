package dev.callrec.sync;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into a {@link DriveException} of the right kind, in words a UI can show: refused
 * keys ask the user to connect again, a missing bucket is the user's to fix, the network and 5xx pass by
 * themselves. Never names the secret key.
 */
final class S3Errors {
  private static final Set<String> CREDENTIALS = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
      "AccessDenied", "InvalidToken", "ExpiredToken", "TokenRefreshRequired", "AllAccessDisabled",
      "AccountProblem", "InvalidSecurity");
  private static final Set<String> QUOTA = Set.of("QuotaExceeded", "XMinioStorageFull", "XMinioAdminBucketQuotaExceeded");
  private static final Set<String> TRANSIENT = Set.of("SlowDown", "RequestTimeout", "InternalError",
      "ServiceUnavailable", "OperationAborted", "RequestTimeTooSkewed", "BadDigest", "IncompleteBody",
      "XMinioServerNotInitialized");

  private final String server;
  private final String bucket;
  private final String accessKeyId;

  S3Errors(String server, String bucket, String accessKeyId) {
    this.server = server;
    this.bucket = bucket;
    this.accessKeyId = accessKeyId;
  }

  /** The S3 error code ({@code NoSuchUpload}, {@code AccessDenied} …) or null: HEAD answers have none. */
  static String code(SdkException e) {
    return e instanceof AwsServiceException service && service.awsErrorDetails() != null
        ? service.awsErrorDetails().errorCode() : null;
  }

  static int status(SdkException e) {
    return e instanceof AwsServiceException service ? service.statusCode() : 0;
  }

  /**
   * What {@code e}, thrown while trying to {@code doing} (completing "could not …"), means for the user. An
   * interrupted or cancelled upload is not a Drive failure: it is thrown on as it came.
   */
  DriveException of(SdkException e, String doing) throws InterruptedException {
    rethrowStops(e);
    if (e instanceof AwsServiceException service) {
      return answered(service, doing);
    }
    return unanswered(e, doing);
  }

  private DriveException answered(AwsServiceException e, String doing) {
    int status = e.statusCode();
    String code = code(e);
    String detail = " (" + status + (code == null ? "" : " " + code)
        + (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
            ? ": " + e.awsErrorDetails().errorMessage() : "") + ")";
    if ("InvalidAccessKeyId".equals(code)) {
      return new DriveException(DriveException.Kind.CREDENTIALS, "The Drive at " + server
          + " does not know the access key " + accessKeyId + ". Connect the Drive again with a valid key.", e);
    }
    if ("SignatureDoesNotMatch".equals(code)) {
      return new DriveException(DriveException.Kind.CREDENTIALS, "The Drive at " + server
          + " refused the secret key of access key " + accessKeyId + ". Connect the Drive again.", e);
    }
    if ("NoSuchBucket".equals(code) || (status == 404 && doing.startsWith("open the bucket"))) {
      return new DriveException(DriveException.Kind.PERMANENT, "The Drive at " + server + " has no bucket named "
          + bucket + ". Create it, or connect the Drive again with the right bucket.", e);
    }
    if (code != null && QUOTA.contains(code) || status == 507) {
      return new DriveException(DriveException.Kind.QUOTA, "The Drive at " + server + " is full: there is no room"
          + " to " + doing + detail + ". Make room on it, and the recording will be uploaded.", e);
    }
    if (code == null && (status == 401 || status == 403)) {
      return new DriveException(DriveException.Kind.CREDENTIALS, "The Drive at " + server + " refused access key "
          + accessKeyId + " when callrec tried to " + doing + detail + ": the secret key is wrong, or the key may not"
          + " use the bucket " + bucket + ". Connect the Drive again with the right key.", e);
    }
    if (code != null && CREDENTIALS.contains(code) || status == 401 || status == 403) {
      return new DriveException(DriveException.Kind.CREDENTIALS, "The Drive at " + server + " does not let access key "
          + accessKeyId + " " + doing + detail + ". Check the key and its permissions on the bucket " + bucket
          + ", or connect the Drive again with another key.", e);
    }
    if (code != null && TRANSIENT.contains(code) || status == 408 || status == 429 || status >= 500) {
      return new DriveException(DriveException.Kind.TRANSIENT, "The Drive at " + server + " could not " + doing
          + " just now" + detail + ".", e);
    }
    return new DriveException(DriveException.Kind.PERMANENT, "The Drive at " + server + " would not let callrec "
        + doing + detail + ".", e);
  }

  private DriveException unanswered(SdkException e, String doing) {
    DriveException.Kind kind = DriveException.Kind.TRANSIENT;
    String problem;
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
        || cause(e, SocketTimeoutException.class) != null) {
      problem = "The Drive at " + server + " did not answer in time";
    } else if (cause(e, ConnectException.class) != null) {
      String reason = reason(cause(e, ConnectException.class));
      problem = "Could not reach the Drive at " + server
          + (reason.contains("refused") ? " (connection refused)" : " (" + reason + ")");
    } else if (cause(e, UnknownHostException.class) != null) {
      problem = "Could not find the Drive at " + server + ": no such host is known here";
    } else if (cause(e, SSLException.class) != null) {
      kind = DriveException.Kind.PERMANENT;
      problem = "Could not set up a secure connection to the Drive at " + server + " ("
          + reason(cause(e, SSLException.class)) + "). Check its address and certificate";
    } else {
      problem = "The connection to the Drive at " + server + " broke (" + reason(rootCause(e)) + ")";
    }
    return new DriveException(kind, problem + " while trying to " + doing + ".", e);
  }

  /** The progress callback cancelled the upload, or the thread was interrupted: not the Drive's doing. */
  static void rethrowStops(Throwable e) throws InterruptedException {
    CancellationException cancelled = cause(e, CancellationException.class);
    if (cancelled != null) {
      throw cancelled;
    }
    if (cause(e, InterruptedIOException.class) != null && !(cause(e, SocketTimeoutException.class) != null)
        || cause(e, InterruptedException.class) != null || Thread.currentThread().isInterrupted()) {
      Thread.interrupted();
      InterruptedException interrupted = new InterruptedException("The upload was interrupted");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable at = e; at != null; at = at.getCause() == at ? null : at.getCause()) {
      if (type.isInstance(at)) {
        return type.cast(at);
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String reason(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
