package dev.callrec.ipc;

import dev.callrec.prompts.Prompt;
import dev.callrec.prompts.PromptAnswer;
import dev.callrec.prompts.PromptText;
import dev.callrec.proto.v1.ConnectDriveRequest;
import dev.callrec.proto.v1.Drive;
import dev.callrec.proto.v1.DriveKind;
import dev.callrec.proto.v1.Event;
import dev.callrec.proto.v1.GetQueueResponse;
import dev.callrec.proto.v1.PromptKind;
import dev.callrec.proto.v1.Upload;
import dev.callrec.proto.v1.UploadState;
import dev.callrec.recording.RecordingSnapshot;
import dev.callrec.sync.DriveSpec;
import dev.callrec.sync.QueuedUpload;
import dev.callrec.sync.S3Bucket;
import dev.callrec.sync.SyncService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Translates the sync side's types (Drive, queue, prompts) to and from the wire contract. */
final class SyncProtoMapper {
  private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private SyncProtoMapper() {}

  /** What the user asked to connect; the password travels separately. */
  static DriveSpec toSpec(ConnectDriveRequest request) {
    switch (request.getKindCase()) {
      case LOCAL_FOLDER -> {
        String path = request.getLocalFolder().getPath().trim();
        if (path.isEmpty() || !Path.of(path).isAbsolute()) {
          throw new IllegalArgumentException("local_folder.path must be an absolute path to a folder.");
        }
        return new DriveSpec(DriveSpec.Kind.LOCAL_FOLDER, Path.of(path).normalize().toString(), "");
      }
      case WEBDAV -> {
        String url = request.getWebdav().getUrl().trim();
        URI uri;
        try {
          uri = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("webdav.url is not a valid address: " + url);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
            || uri.getHost() == null) {
          throw new IllegalArgumentException("webdav.url must be an http:// or https:// address, e.g. "
              + "https://cloud.example.com/remote.php/dav/files/anna/.");
        }
        if (request.getWebdav().getUser().isBlank()) {
          throw new IllegalArgumentException("webdav.user is required.");
        }
        return new DriveSpec(DriveSpec.Kind.WEBDAV, uri.toString(), request.getWebdav().getUser().trim());
      }
      case S3 -> {
        return s3Spec(request.getS3());
      }
      default -> throw new IllegalArgumentException("Say which Drive to connect: local_folder, webdav or s3.");
    }
  }

  private static DriveSpec s3Spec(dev.callrec.proto.v1.S3Drive s3) {
    String endpoint = s3.getEndpoint().trim();
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("s3.endpoint is not a valid address: " + endpoint);
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
        || uri.getHost() == null) {
      throw new IllegalArgumentException("s3.endpoint must be an http:// or https:// address, e.g. "
          + "https://s3.eu-central-1.amazonaws.com or http://minio.example.com:9000.");
    }
    if (s3.getAccessKeyId().isBlank()) {
      throw new IllegalArgumentException("s3.access_key_id is required.");
    }
    if (s3.getSecretAccessKey().isEmpty()) {
      throw new IllegalArgumentException("s3.secret_access_key is required.");
    }
    if (s3.getBucket().isBlank()) {
      throw new IllegalArgumentException("s3.bucket is required.");
    }
    S3Bucket bucket;
    try {
      bucket = new S3Bucket(s3.getBucket().trim(), s3.getPrefix(), s3.getRegion(),
          !s3.hasPathStyle() || s3.getPathStyle());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("s3: " + e.getMessage());
    }
    return new DriveSpec(DriveSpec.Kind.S3, uri.toString(), s3.getAccessKeyId().trim(), bucket);
  }

  static Drive toProto(SyncService.ConnectedDrive drive) {
    Drive.Builder proto = Drive.newBuilder()
        .setKind(switch (drive.spec().kind()) {
          case LOCAL_FOLDER -> DriveKind.DRIVE_KIND_LOCAL_FOLDER;
          case WEBDAV -> DriveKind.DRIVE_KIND_WEBDAV;
          case S3 -> DriveKind.DRIVE_KIND_S3;
        })
        .setLocation(drive.spec().location())
        .setUser(drive.spec().user())
        .setDescription(drive.description());
    S3Bucket bucket = drive.spec().bucket();
    if (bucket != null) {
      proto.setBucket(bucket.name()).setPrefix(bucket.prefix()).setRegion(bucket.region());
    }
    return proto.build();
  }

  static GetQueueResponse toProto(SyncService.QueueView queue) {
    GetQueueResponse.Builder response = GetQueueResponse.newBuilder().setPaused(queue.paused());
    for (QueuedUpload upload : queue.uploads()) {
      response.addUploads(toProto(upload, queue));
    }
    return response.build();
  }

  static Upload toProto(QueuedUpload upload, SyncService.QueueView queue) {
    Upload.Builder proto = Upload.newBuilder()
        .setRecordingId(upload.recordingId())
        .setFileName(upload.fileName())
        .setState(switch (upload.state()) {
          case WAITING -> UploadState.UPLOAD_STATE_WAITING;
          case UPLOADING -> UploadState.UPLOAD_STATE_UPLOADING;
          case DONE -> UploadState.UPLOAD_STATE_DONE;
          case FAILED -> UploadState.UPLOAD_STATE_FAILED;
        })
        .setBytesTotal(sizeOf(upload.file()))
        .setAttempts(upload.attempts())
        .setLastError(upload.lastError())
        .setRemotePath(upload.remotePath());
    if (upload.state() == dev.callrec.sync.UploadState.DONE) {
      proto.setBytesSent(proto.getBytesTotal());
    } else if (upload.recordingId().equals(queue.current())) {
      proto.setBytesSent(queue.currentSent());
    }
    if (upload.state() == dev.callrec.sync.UploadState.WAITING) {
      proto.setWaitingFor(waitingFor(upload, queue));
      if (upload.nextAttemptAt().isAfter(Instant.now())) {
        proto.setNextAttemptAt(ProtoMapper.toTimestamp(upload.nextAttemptAt()));
      }
    }
    return proto.build();
  }

  static Event.Builder promptEvent(Prompt prompt, RecordingSnapshot recording) {
    dev.callrec.proto.v1.Prompt proto = toProto(prompt, recording);
    Event.Builder event = Event.newBuilder();
    return switch (prompt.kind()) {
      case SHARE -> event.setSharePrompt(proto);
      case CONNECT_DRIVE -> event.setConnectDrivePrompt(proto);
      case INTERRUPTED -> event.setInterruptedPrompt(proto);
    };
  }

  static dev.callrec.proto.v1.PromptAnswer toProto(PromptAnswer answer) {
    return switch (answer) {
      case SHARE -> dev.callrec.proto.v1.PromptAnswer.PROMPT_ANSWER_SHARE;
      case DISMISS, SETTLED -> dev.callrec.proto.v1.PromptAnswer.PROMPT_ANSWER_DISMISS;
    };
  }

  static PromptAnswer toAnswer(dev.callrec.proto.v1.PromptAnswer answer) {
    return switch (answer) {
      case PROMPT_ANSWER_SHARE -> PromptAnswer.SHARE;
      case PROMPT_ANSWER_DISMISS -> PromptAnswer.DISMISS;
      default -> throw new IllegalArgumentException("answer is required: PROMPT_ANSWER_SHARE or PROMPT_ANSWER_DISMISS.");
    };
  }

  static dev.callrec.proto.v1.Prompt toProto(Prompt prompt, RecordingSnapshot recording) {
    dev.callrec.proto.v1.Prompt.Builder proto = dev.callrec.proto.v1.Prompt.newBuilder()
        .setId(prompt.id())
        .setKind(switch (prompt.kind()) {
          case SHARE -> PromptKind.PROMPT_KIND_SHARE;
          case CONNECT_DRIVE -> PromptKind.PROMPT_KIND_CONNECT_DRIVE;
          case INTERRUPTED -> PromptKind.PROMPT_KIND_INTERRUPTED;
        })
        .setMessage(PromptText.of(prompt.kind(), recording))
        .setCreatedAt(ProtoMapper.toTimestamp(prompt.createdAt()));
    if (recording != null) {
      proto.setRecording(ProtoMapper.toProto(recording)).setChat(ProtoMapper.toProto(recording.chat()));
    }
    return proto.build();
  }

  private static String waitingFor(QueuedUpload upload, SyncService.QueueView queue) {
    if (!queue.driveConnected()) {
      return "No Drive is connected.";
    }
    if (queue.holdReason() != null) {
      return queue.holdReason();
    }
    if (upload.nextAttemptAt().isAfter(Instant.now())) {
      return "Trying again at " + CLOCK_TIME.format(upload.nextAttemptAt().atZone(ZoneId.systemDefault())) + ".";
    }
    return "";
  }

  private static long sizeOf(Path file) {
    try {
      return java.nio.file.Files.size(file);
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
