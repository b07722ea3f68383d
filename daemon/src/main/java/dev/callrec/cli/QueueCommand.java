package dev.callrec.cli;

import dev.callrec.proto.v1.GetQueueRequest;
import dev.callrec.proto.v1.GetQueueResponse;
import dev.callrec.proto.v1.PauseUploadsRequest;
import dev.callrec.proto.v1.ResumeUploadsRequest;
import dev.callrec.proto.v1.RetryUploadRequest;
import dev.callrec.proto.v1.Upload;
import dev.callrec.proto.v1.UploadState;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "queue", mixinStandardHelpOptions = true,
    description = "Show the recordings on their way to the Drive. With --follow, a live progress bar until the "
        + "queue is empty.",
    subcommands = {QueueCommand.Retry.class, QueueCommand.Pause.class, QueueCommand.Resume.class})
final class QueueCommand extends ClientCommand {
  private static final int BAR_WIDTH = 30;

  @Option(names = {"-f", "--follow"}, description = "Keep showing progress until every upload is done or failed.")
  boolean follow;

  @Override
  int run(DaemonClient client, PrintWriter out) {
    GetQueueResponse queue = fetch(client);
    print(queue, out);
    if (!follow) {
      return ExitCodes.OK;
    }
    boolean terminal = System.console() != null;
    while (pending(queue) > 0 && !queue.getPaused()) {
      sleep();
      queue = fetch(client);
      String line = progressLine(queue);
      out.print(terminal ? "\r" + line + "   " : line + System.lineSeparator());
      out.flush();
    }
    out.println();
    out.println(pending(queue) == 0 ? "All recordings are synced." : "Uploads are paused.");
    return ExitCodes.OK;
  }

  private static GetQueueResponse fetch(DaemonClient client) {
    return client.call(stub -> stub.getQueue(GetQueueRequest.getDefaultInstance()));
  }

  static void print(GetQueueResponse queue, PrintWriter out) {
    if (queue.getUploadsCount() == 0) {
      out.println("Nothing to sync yet.");
      return;
    }
    for (Upload upload : queue.getUploadsList()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s %s  %s", state(upload),
          upload.getFileName(), RecordingText.size(upload.getBytesTotal())));
      if (upload.getState() == UploadState.UPLOAD_STATE_UPLOADING) {
        line.append("  ").append(bar(upload.getBytesSent(), upload.getBytesTotal()));
      }
      if (!upload.getWaitingFor().isEmpty()) {
        line.append("  (").append(upload.getWaitingFor()).append(')');
      }
      if (upload.getState() == UploadState.UPLOAD_STATE_FAILED) {
        line.append("  ").append(upload.getLastError()).append("  [callrec queue retry ")
            .append(upload.getRecordingId()).append(']');
      }
      out.println(line);
    }
    long pending = pending(queue);
    out.println(pending == 0 ? "All recordings are synced." : pending + " pending" + (queue.getPaused() ? " (paused)" : ""));
  }

  /** "2 pending · Team sync - Call 3 - 2026-12-04.webm [#########.........] 45 %". */
  static String progressLine(GetQueueResponse queue) {
    for (Upload upload : queue.getUploadsList()) {
      if (upload.getState() == UploadState.UPLOAD_STATE_UPLOADING) {
        return pending(queue) + " pending · " + upload.getFileName() + " "
            + bar(upload.getBytesSent(), upload.getBytesTotal());
      }
    }
    return pending(queue) + " pending";
  }

  static String bar(long sent, long total) {
    int filled = total <= 0 ? 0 : (int) Math.min(BAR_WIDTH, sent * BAR_WIDTH / total);
    return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + RecordingText.percent(sent, total);
  }

  private static long pending(GetQueueResponse queue) {
    return queue.getUploadsList().stream().filter(upload -> upload.getState() == UploadState.UPLOAD_STATE_WAITING
        || upload.getState() == UploadState.UPLOAD_STATE_UPLOADING).count();
  }

  private static String state(Upload upload) {
    return upload.getState().name().replace("UPLOAD_STATE_", "").toLowerCase(Locale.ROOT);
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Command(name = "retry", mixinStandardHelpOptions = true,
      description = "Try a failed upload again now. Exit code 4 if no upload of that recording is queued.")
  static final class Retry extends ClientCommand {
    @Parameters(paramLabel = "RECORDING_ID", description = "The recording whose upload to retry.")
    String recordingId;

    @Override
    int run(DaemonClient client, PrintWriter out) {
      Upload upload = client.call(stub -> stub.retryUpload(
          RetryUploadRequest.newBuilder().setRecordingId(recordingId).build())).getUpload();
      out.println(upload.getFileName() + " is queued again.");
      return ExitCodes.OK;
    }
  }

  @Command(name = "pause", mixinStandardHelpOptions = true,
      description = "Hold uploads (the one running stops and stays queued) until `callrec queue resume`.")
  static final class Pause extends ClientCommand {
    @Override
    int run(DaemonClient client, PrintWriter out) {
      print(client.call(stub -> stub.pauseUploads(PauseUploadsRequest.getDefaultInstance())), out);
      return ExitCodes.OK;
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true, description = "Let uploads run again.")
  static final class Resume extends ClientCommand {
    @Override
    int run(DaemonClient client, PrintWriter out) {
      print(client.call(stub -> stub.resumeUploads(ResumeUploadsRequest.getDefaultInstance())), out);
      return ExitCodes.OK;
    }
  }
}
