package dev.callrec.sync;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The multipart uploads an {@link S3Drive} has started and not yet completed, kept where a crash cannot lose
 * them (the daemon's database), so that the next attempt continues an upload instead of sending it again.
 */
public interface MultipartUploads {

  /** One started upload: the server's id for it and the part size its parts were cut to. */
  record Started(String objectKey, String uploadId, long partSize, Instant createdAt) {}

  Optional<Started> find(String objectKey) throws DriveException;

  /** Kept before the first part is sent; replaces an upload of the same key that was given up. */
  void remember(Started upload) throws DriveException;

  /** The upload is completed or aborted: nothing is left to continue. */
  void forget(String objectKey) throws DriveException;

  /** The ids of every upload kept, so that others' uploads can be told from ours. */
  Set<String> uploadIds() throws DriveException;
}
