package dev.callrec.sync;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * An S3-compatible bucket (AWS S3, MinIO, Ceph RGW, any store that speaks the S3 API): recordings go to
 * {@code <prefix>/Recorded video calls/<name>}. Every step may be repeated after a crash at any point, and a
 * finished upload is never landed twice:
 *
 * <ol>
 *   <li>HEAD the key: an object there with the recording's size (and ETag, where it is an MD5 or a multipart
 *       ETag callrec can work out) is an earlier attempt that landed, and the upload is done;
 *   <li>a recording of one part size or less goes in one PUT;
 *   <li>a larger one is a multipart upload whose id is kept in the daemon's database before its first part is
 *       sent. An attempt after a crash, a restart or a dropped connection lists the parts the server has,
 *       keeps those whose size and CRC32C (or MD5) match the recording's, and sends the rest: at most the part
 *       that was on its way is sent again. Parts go out one at a time, the next starting once the one before
 *       has sent its last byte ({@link PartPipeline});
 *   <li>every part (and a single PUT) carries its CRC32C, which the server checks and answers with; a store that
 *       does not know that header answers without it, and then its ETag is compared with the part's MD5 where
 *       the ETag is one (encrypted buckets give other ETags);
 *   <li>CompleteMultipartUpload; if the server no longer knows the upload (an earlier completion whose answer
 *       was lost), the object landed if HEAD finds it whole.
 * </ol>
 *
 * <p>An upload the server forgot ({@code NoSuchUpload}, e.g. aborted by a lifecycle rule) starts again from
 * its first part. One that cannot go on (the recording is gone, another file holds the name) is aborted, so
 * its parts stop costing storage; {@link #check()} also aborts multipart uploads under callrec's folder older
 * than a day that this daemon does not know, left by another computer or a lost database.
 *
 * <p>S3 has no "create, but never replace": a file someone else put at the name between the HEAD and the
 * completion would be replaced. HEAD runs again right before completing, to keep that window short.
 *
 * <p>Share links are presigned GET URLs, valid for {@code shareLinkLifetime} (7 days at most with SigV4).
 * SDK retries are off: whether and when to try again is the upload queue's call, and a wrong key costs one
 * request.
 */
public final class S3Drive implements Drive {
  /** S3's smallest part but the last. */
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
  public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;
  static final Duration ABANDONED_AFTER = Duration.ofDays(1);
  private static final int MAX_PARTS = 10_000;
  private static final Pattern MULTIPART_ETAG = Pattern.compile("([0-9a-fA-F]{32})-(\\d+)");
  private static final Logger log = LoggerFactory.getLogger(S3Drive.class);

  private final URI endpoint;
  private final S3Bucket bucket;
  private final String accessKeyId;
  private final MultipartUploads multipart;
  private final long bytesPerSecond;
  private final long partSize;
  private final Duration shareLinkLifetime;
  private final Clock clock;
  private final S3Client s3;
  private final S3Presigner presigner;
  private final S3Errors errors;

  public S3Drive(URI endpoint, S3Bucket bucket, String accessKeyId, String secretAccessKey,
      MultipartUploads multipart, SyncSettings settings) {
    this(endpoint, bucket, accessKeyId, secretAccessKey, multipart, settings.bytesPerSecond(), DEFAULT_PART_SIZE,
        settings.shareLinkLifetime(), Clock.systemUTC());
  }

  /**
   * {@code endpoint} is the store's address, such as {@code https://s3.eu-central-1.amazonaws.com} or
   * {@code http://minio.example.com:9000}; {@code bytesPerSecond} 0 uploads as fast as the network allows;
   * {@code partSize} is at least 5 MiB, and grows for recordings that would need more than 10,000 parts.
   */
  public S3Drive(URI endpoint, S3Bucket bucket, String accessKeyId, String secretAccessKey,
      MultipartUploads multipart, long bytesPerSecond, long partSize, Duration shareLinkLifetime, Clock clock) {
    if (accessKeyId == null || accessKeyId.isBlank()) {
      throw new IllegalArgumentException("An S3 access key id is needed");
    }
    if (partSize < MIN_PART_SIZE || partSize > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("An S3 part is from 5 MiB to 2 GiB, not " + partSize + " bytes");
    }
    if (bytesPerSecond < 0) {
      throw new IllegalArgumentException("The upload rate cannot be negative: " + bytesPerSecond);
    }
    this.endpoint = endpoint;
    this.bucket = bucket;
    this.accessKeyId = accessKeyId;
    this.multipart = multipart;
    this.bytesPerSecond = bytesPerSecond;
    this.partSize = partSize;
    this.shareLinkLifetime = shareLinkLifetime;
    this.clock = clock;
    String server = endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    this.errors = new S3Errors(server, bucket.name(), accessKeyId);
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    S3Configuration addressing = S3Configuration.builder().pathStyleAccessEnabled(bucket.pathStyle()).build();
    this.s3 = S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(bucket.region()))
        .credentialsProvider(credentials)
        .serviceConfiguration(addressing)
        .putAuthScheme(new ChecksummedBodyAuthScheme())
        // callrec sends each part's CRC32C itself, in a header: the SDK's would go in an aws-chunked trailer,
        // which not every S3-compatible store understands.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClientBuilder(Apache5HttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofSeconds(60))
            .expectContinueEnabled(true))
        .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
    this.presigner = S3Presigner.builder()
        .endpointOverride(endpoint)
        .region(Region.of(bucket.region()))
        .credentialsProvider(credentials)
        .serviceConfiguration(addressing)
        .build();
  }

  @Override
  public String describe() {
    return "S3 bucket " + bucket.name() + (bucket.prefix().isEmpty() ? "" : "/" + bucket.prefix()) + " at "
        + endpoint + " as " + accessKeyId;
  }

  /**
   * Opens the bucket, starts (then aborts) a multipart upload in the recordings folder, which needs the same
   * permission as an upload and leaves no object behind, and aborts abandoned multipart uploads there.
   */
  @Override
  public void check() throws DriveException, InterruptedException {
    call("open the bucket " + bucket.name(), () -> s3.headBucket(b -> b.bucket(bucket.name())));
    String probe = bucket.folderKey() + ".callrec-check";
    String uploadId = call("write to " + bucket.folderKey() + " in the bucket " + bucket.name(),
        () -> s3.createMultipartUpload(b -> b.bucket(bucket.name()).key(probe)).uploadId());
    try {
      callOrMissing("abort the check upload " + probe, () -> s3.abortMultipartUpload(b -> b.bucket(bucket.name())
          .key(probe).uploadId(uploadId)));
    } catch (DriveException e) {
      log.warn("Could not abort the check upload {} on {}: {}", probe, describe(), e.getMessage());
    }
    abortAbandoned();
  }

  @Override
  public Uploaded upload(Path file, String name, UploadProgress progress)
      throws DriveException, InterruptedException {
    DriveFiles.checkName(name);
    long size = DriveFiles.size(file);
    String key = bucket.folderKey() + name;
    Uploaded uploaded = new Uploaded(key, size);
    long parts = partSizeFor(size);
    UploadPace pace = new UploadPace(bytesPerSecond, size, progress);
    Optional<MultipartUploads.Started> started = multipart.find(key);
    if (started.isPresent() && started.get().partSize() != parts) {
      abort(started.get());
      started = Optional.empty();
    }
    if (started.isEmpty()) {
      Optional<HeadObjectResponse> existing = head(key);
      if (existing.isPresent()) {
        checkSame(existing.get(), file, name, size, parts);
        log.info("{} is on {} already", name, describe());
        progress.sent(size, size);
        return uploaded;
      }
    }
    long startedAt = System.nanoTime();
    if (started.isEmpty() && size <= parts) {
      putWhole(file, key, size, pace);
    } else {
      try (FileChannel in = open(file)) {
        sendParts(in, file, key, size, parts, started.orElse(null), pace);
      } catch (IOException e) {
        throw unreadable(file, e);
      }
    }
    long millis = Math.max(1, (System.nanoTime() - startedAt) / 1_000_000);
    log.info("Uploaded {} to {}: {} bytes in {} ms ({} KiB/s)", name, describe(), size, millis,
        size * 1000 / 1024 / millis);
    return uploaded;
  }

  /** A presigned GET of the object: anyone with the link can download it until it expires. */
  @Override
  public String shareLink(Uploaded uploaded) throws DriveException, InterruptedException {
    try {
      return presigner.presignGetObject(b -> b.signatureDuration(shareLinkLifetime)
          .getObjectRequest(get -> get.bucket(bucket.name()).key(uploaded.remotePath()))).url().toString();
    } catch (SdkException e) {
      throw errors.of(e, "make a share link for " + uploaded.remotePath());
    }
  }

  @Override
  public void close() {
    s3.close();
    presigner.close();
  }

  /** The part size for a file of {@code size} bytes: the configured one, or larger to stay within 10,000 parts. */
  long partSizeFor(long size) {
    long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
    long mib = 1024 * 1024;
    return Math.max(partSize, (needed + mib - 1) / mib * mib);
  }

  private void putWhole(Path file, String key, long size, UploadPace pace)
      throws DriveException, InterruptedException {
    byte[] buffer = new byte[(int) size];
    try (FileChannel in = open(file)) {
      readAt(in, buffer, 0, (int) size, file);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
    String crc32c = PartChecksum.crc32c(buffer, (int) size);
    pace.start(0);
    PartBody body = new PartBody(buffer, (int) size, pace, () -> { });
    PutObjectResponse put = send(pace, body, "upload " + key, () -> s3.putObject(b -> b.bucket(bucket.name())
        .key(key).contentLength(size).checksumCRC32C(crc32c),
        RequestBody.fromContentProvider(body, size, "video/webm")));
    checkArrived(crc32c, put.checksumCRC32C(), put.eTag(), buffer, (int) size, key);
  }

  private void sendParts(FileChannel in, Path file, String key, long size, long parts,
      MultipartUploads.Started started, UploadPace pace) throws DriveException, InterruptedException {
    int count = (int) ((size + parts - 1) / parts);
    Map<Integer, Part> stored = Map.of();
    if (started != null) {
      Optional<Map<Integer, Part>> listed = listParts(started);
      if (listed.isEmpty()) {
        log.info("{} no longer knows the unfinished upload of {}; it starts again", describe(), key);
        multipart.forget(key);
        if (landed(key, file, size, parts)) {
          pace.start(size);
          return;
        }
        started = null;
      } else {
        stored = listed.get();
      }
    }
    // An upload continued from an earlier attempt may turn out lost only at completion (some stores list
    // parts of uploads they no longer have): then it starts over once, from its first part.
    for (int attempt = started == null ? 1 : 0; attempt < 2; attempt++) {
      if (started == null) {
        started = create(key, parts);
      }
      try {
        List<CompletedPart> completed = sendMissingParts(in, file, started, size, count, stored, pace);
        if (complete(started, completed, file, size)) {
          return;
        }
      } catch (DriveException e) {
        if (e.kind() == DriveException.Kind.PERMANENT) {
          abort(started);
        }
        throw e;
      }
      log.info("{} lost the upload of {} before it was complete; it starts again", describe(), key);
      started = null;
      stored = Map.of();
    }
    throw new DriveException(DriveException.Kind.TRANSIENT, "The Drive at " + endpoint.getHost() + " lost the"
        + " upload of " + key + " before it was complete. It will be uploaded again.");
  }

  private MultipartUploads.Started create(String key, long parts) throws DriveException, InterruptedException {
    String uploadId = call("start the upload of " + key, () -> s3.createMultipartUpload(b -> b.bucket(bucket.name())
        .key(key).contentType("video/webm").checksumAlgorithm(ChecksumAlgorithm.CRC32_C)).uploadId());
    MultipartUploads.Started started = new MultipartUploads.Started(key, uploadId, parts, clock.instant());
    multipart.remember(started);
    return started;
  }

  private List<CompletedPart> sendMissingParts(FileChannel in, Path file, MultipartUploads.Started started,
      long size, int count, Map<Integer, Part> stored, UploadPace pace) throws DriveException, InterruptedException {
    long parts = started.partSize();
    AtomicLong reused = new AtomicLong();
    pace.start(0);
    List<CompletedPart> completed;
    try (PartPipeline<CompletedPart> pipeline = new PartPipeline<>((int) parts)) {
      for (int number = 1; number <= count; number++) {
        int partNumber = number;
        long offset = (number - 1) * parts;
        int length = (int) Math.min(parts, size - offset);
        pipeline.add((buffer, turn) -> {
          readAt(in, buffer, offset, length, file);
          String crc32c = PartChecksum.crc32c(buffer, length);
          Part there = stored.get(partNumber);
          boolean keep = there != null && there.size() != null && there.size() == length
              && PartChecksum.difference(crc32c, there.checksumCRC32C(), there.eTag(), buffer, length) == null;
          turn.await();
          if (keep) {
            reused.addAndGet(length);
            pace.skipped(length);
            return CompletedPart.builder().partNumber(partNumber).eTag(there.eTag()).checksumCRC32C(crc32c).build();
          }
          return sendPart(started, partNumber, buffer, length, crc32c, pace, turn::pass);
        });
      }
      completed = pipeline.results();
    }
    if (reused.get() > 0) {
      log.info("Continued the upload of {}: {} of {} bytes were on {} already", started.objectKey(), reused.get(),
          size, describe());
    }
    return completed;
  }

  private CompletedPart sendPart(MultipartUploads.Started started, int number, byte[] buffer, int length,
      String crc32c, UploadPace pace, Runnable allOut) throws DriveException, InterruptedException {
    PartBody body = new PartBody(buffer, length, pace, allOut);
    UploadPartResponse sent = send(pace, body, "upload part " + number + " of " + started.objectKey(),
        () -> s3.uploadPart(b -> b.bucket(bucket.name()).key(started.objectKey()).uploadId(started.uploadId())
            .partNumber(number).contentLength((long) length).checksumCRC32C(crc32c),
            RequestBody.fromContentProvider(body, length, "application/octet-stream")));
    checkArrived(crc32c, sent.checksumCRC32C(), sent.eTag(), buffer, length,
        started.objectKey() + " (part " + number + ")");
    return CompletedPart.builder().partNumber(number).eTag(sent.eTag()).checksumCRC32C(crc32c).build();
  }

  /** The parts the server has of an upload, or empty if it no longer knows the upload. */
  private Optional<Map<Integer, Part>> listParts(MultipartUploads.Started started)
      throws DriveException, InterruptedException {
    Map<Integer, Part> parts = new HashMap<>();
    Integer marker = null;
    while (true) {
      Integer after = marker;
      var page = callOrMissing("list the parts of " + started.objectKey(), () -> s3.listParts(b -> b
          .bucket(bucket.name()).key(started.objectKey()).uploadId(started.uploadId()).partNumberMarker(after)));
      if (page.isEmpty()) {
        return Optional.empty();
      }
      page.get().parts().forEach(part -> parts.put(part.partNumber(), part));
      if (!Boolean.TRUE.equals(page.get().isTruncated()) || page.get().nextPartNumberMarker() == null) {
        return Optional.of(parts);
      }
      marker = page.get().nextPartNumberMarker();
    }
  }

  /** Completes the upload; false if the server no longer knows it and the recording did not land. */
  private boolean complete(MultipartUploads.Started started, List<CompletedPart> parts, Path file, long size)
      throws DriveException, InterruptedException {
    String key = started.objectKey();
    Optional<HeadObjectResponse> taken = head(key);
    if (taken.isPresent()) {
      checkSame(taken.get(), file, key, size, started.partSize());
      abort(started);
      return true;
    }
    var done = callOrMissing("complete the upload of " + key, () -> s3.completeMultipartUpload(b -> b
        .bucket(bucket.name()).key(key).uploadId(started.uploadId()).multipartUpload(m -> m.parts(parts))));
    if (done.isEmpty() && !landed(key, file, size, started.partSize())) {
      multipart.forget(key);
      return false;
    }
    multipart.forget(key);
    Optional<HeadObjectResponse> landed = head(key);
    if (landed.isEmpty() || landed.get().contentLength() == null || landed.get().contentLength() != size) {
      throw new DriveException(DriveException.Kind.TRANSIENT, "The upload of " + key + " to the Drive at "
          + endpoint.getHost() + " arrived damaged (" + landed.map(h -> h.contentLength() + " bytes").orElse("nothing")
          + " where the recording has " + size + "). It will be uploaded again.");
    }
    return true;
  }

  /** Whether the whole recording is at {@code key} already. */
  private boolean landed(String key, Path file, long size, long parts) throws DriveException, InterruptedException {
    Optional<HeadObjectResponse> there = head(key);
    if (there.isEmpty()) {
      return false;
    }
    checkSame(there.get(), file, key, size, parts);
    return true;
  }

  /** Whatever else has the name is someone's: it is left alone, and the user is told to make way. */
  private void checkSame(HeadObjectResponse there, Path file, String name, long size, long parts)
      throws DriveException {
    String difference;
    if (there.contentLength() == null || there.contentLength() != size) {
      difference = there.contentLength() + " bytes where the recording has " + size;
    } else {
      difference = etagDifference(PartChecksum.unquote(there.eTag()), file, size, parts);
    }
    if (difference != null) {
      throw new DriveException(DriveException.Kind.PERMANENT, "A different file named \"" + fileName(name)
          + "\" is already in " + bucket.folderKey() + " in the bucket " + bucket.name() + " (" + difference
          + "). Rename or remove it, and the recording will be uploaded.");
    }
  }

  /** Compares an ETag that is an MD5 or a multipart ETag of the same part count; others say nothing. */
  private String etagDifference(String etag, Path file, long size, long parts) throws DriveException {
    if (etag == null) {
      return null;
    }
    try {
      if (PartChecksum.PLAIN_MD5.matcher(etag).matches()) {
        String ours = HexFormat.of().formatHex(partMd5s(file, size, Math.max(1, size)).get(0));
        return etag.equalsIgnoreCase(ours) ? null : "its MD5 " + etag + " differs from the recording's " + ours;
      }
      var multipartEtag = MULTIPART_ETAG.matcher(etag);
      if (multipartEtag.matches() && Long.parseLong(multipartEtag.group(2)) == (size + parts - 1) / parts) {
        String ours = multipartEtag(file, size, parts);
        return etag.equalsIgnoreCase(ours) ? null : "its ETag " + etag + " differs from the recording's " + ours;
      }
      return null;
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** S3's ETag of a multipart upload: the MD5 of its parts' MD5s, and how many parts there were. */
  private static String multipartEtag(Path file, long size, long parts) throws IOException, DriveException {
    MessageDigest ofParts = PartChecksum.md5();
    List<byte[]> md5s = partMd5s(file, size, parts);
    md5s.forEach(ofParts::update);
    return HexFormat.of().formatHex(ofParts.digest()) + "-" + md5s.size();
  }

  private static List<byte[]> partMd5s(Path file, long size, long parts) throws IOException, DriveException {
    byte[] buffer = new byte[(int) Math.min(parts, 1 << 20)];
    int count = (int) Math.max(1, (size + parts - 1) / parts);
    List<byte[]> md5s = new ArrayList<>(count);
    try (FileChannel in = open(file)) {
      for (int number = 0; number < count; number++) {
        MessageDigest part = PartChecksum.md5();
        long end = Math.min(size, (number + 1) * parts);
        for (long at = number * parts; at < end; ) {
          int length = (int) Math.min(buffer.length, end - at);
          readAt(in, buffer, at, length, file);
          part.update(buffer, 0, length);
          at += length;
        }
        md5s.add(part.digest());
      }
    }
    return md5s;
  }

  private Optional<HeadObjectResponse> head(String key) throws DriveException, InterruptedException {
    return callOrMissing("look for " + fileName(key) + " in " + bucket.folderKey(),
        () -> s3.headObject(b -> b.bucket(bucket.name()).key(key)));
  }

  private void abort(MultipartUploads.Started started) throws InterruptedException {
    try {
      callOrMissing("abort the upload of " + started.objectKey(), () -> s3.abortMultipartUpload(b -> b
          .bucket(bucket.name()).key(started.objectKey()).uploadId(started.uploadId())));
      multipart.forget(started.objectKey());
    } catch (DriveException e) {
      log.warn("Could not abort the unfinished upload of {} on {}: {}", started.objectKey(), describe(),
          e.getMessage());
    }
  }

  /** Multipart uploads under the recordings folder, older than a day, that this daemon is not continuing. */
  private void abortAbandoned() throws InterruptedException {
    try {
      Set<String> ours = multipart.uploadIds();
      Instant before = clock.instant().minus(ABANDONED_AFTER);
      List<MultipartUpload> abandoned = new ArrayList<>();
      call("list unfinished uploads in " + bucket.folderKey(), () -> {
        s3.listMultipartUploadsPaginator(b -> b.bucket(bucket.name()).prefix(bucket.folderKey())).uploads()
            .forEach(upload -> {
              if (!ours.contains(upload.uploadId()) && upload.initiated() != null
                  && upload.initiated().isBefore(before)) {
                abandoned.add(upload);
              }
            });
        return null;
      });
      for (MultipartUpload upload : abandoned) {
        log.info("Aborting an abandoned upload of {} on {}, started {}", upload.key(), describe(), upload.initiated());
        callOrMissing("abort the upload of " + upload.key(), () -> s3.abortMultipartUpload(b -> b
            .bucket(bucket.name()).key(upload.key()).uploadId(upload.uploadId())));
      }
    } catch (DriveException e) {
      log.warn("Could not clear abandoned uploads on {}: {}", describe(), e.getMessage());
    }
  }

  private void checkArrived(String crc32c, String answeredCrc32c, String etag, byte[] bytes, int length,
      String what) throws DriveException {
    String difference = PartChecksum.difference(crc32c, answeredCrc32c, etag, bytes, length);
    if (difference != null) {
      throw new DriveException(DriveException.Kind.TRANSIENT, "The upload of " + what + " to the Drive at "
          + endpoint.getHost() + " arrived damaged (" + difference + "). It will be sent again.");
    }
  }

  private static String fileName(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  @FunctionalInterface
  private interface Request<T> {
    T run();
  }

  private <T> T call(String doing, Request<T> request) throws DriveException, InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    try {
      return request.run();
    } catch (SdkException e) {
      throw errors.of(e, doing);
    }
  }

  /** Like {@link #call}, with "not there" (404: no such key, no such upload) as an empty answer. */
  private <T> Optional<T> callOrMissing(String doing, Request<T> request) throws DriveException, InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    try {
      return Optional.ofNullable(request.run());
    } catch (SdkException e) {
      String code = S3Errors.code(e);
      if ("NoSuchUpload".equals(code) || "NoSuchKey".equals(code) || (S3Errors.status(e) == 404 && code == null)) {
        return Optional.empty();
      }
      throw errors.of(e, doing);
    }
  }

  /** A request with a body: bytes it sent before failing are taken back from the progress. */
  private <T> T send(UploadPace pace, PartBody body, String doing, Request<T> request)
      throws DriveException, InterruptedException {
    try {
      return call(doing, request);
    } catch (DriveException e) {
      pace.rewind(body.counted());
      throw e;
    }
  }

  private static FileChannel open(Path file) throws DriveException {
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private static void readAt(FileChannel in, byte[] into, long position, int length, Path file)
      throws DriveException {
    ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
    try {
      while (buffer.hasRemaining()) {
        if (in.read(buffer, position + buffer.position()) < 0) {
          throw new IOException("The recording " + file + " got shorter while it was sent");
        }
      }
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private static DriveException unreadable(Path file, IOException e) {
    if (!Files.exists(file)) {
      return DriveFiles.missing(file);
    }
    return new DriveException(DriveException.Kind.TRANSIENT,
        "Could not read the recording " + file + ": " + e.getMessage(), e);
  }
}
