package dev.callrec.cli;

import dev.callrec.Daemon;
import dev.callrec.DaemonConfig;
import dev.callrec.ipc.SocketGuard;
import dev.callrec.platform.Folders;
import dev.callrec.proto.v1.AnswerPromptRequest;
import dev.callrec.proto.v1.CaptureSource;
import dev.callrec.proto.v1.Chat;
import dev.callrec.proto.v1.ChatType;
import dev.callrec.proto.v1.Event;
import dev.callrec.proto.v1.GetQueueRequest;
import dev.callrec.proto.v1.Prompt;
import dev.callrec.proto.v1.PromptAnswer;
import dev.callrec.proto.v1.Recording;
import dev.callrec.proto.v1.StartRecordingRequest;
import dev.callrec.proto.v1.StopRecordingRequest;
import dev.callrec.proto.v1.TestPattern;
import dev.callrec.proto.v1.WatchEventsRequest;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Record a demo call (FFmpeg's test pattern and a tone), show the file it makes, sync it to the "
        + "Drive (a folder of callrec's own if none is connected) and show the share prompt and link. "
        + "Uses the running daemon, or starts one inside this command.")
final class DemoCommand implements Callable<Integer> {
  static final String DEMO_CHAT = "callrec demo";
  /** Where the demo syncs to when the user has no Drive connected: a folder in callrec's state folder. */
  static final String DEMO_DRIVE = "demo-drive";
  private static final long SYNC_TIMEOUT_SECONDS = 120;

  @Mixin
  FolderOptions folderOptions;

  @Option(names = "--seconds", defaultValue = "10", paramLabel = "N", description = "How long to record (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (seconds < 1 || seconds > 3600) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--seconds must be from 1 to 3600.");
    }
    PrintWriter out = spec.commandLine().getOut();
    Folders folders = folderOptions.resolve();
    Daemon inProcess = null;
    if (!SocketGuard.isAnswering(folders.socket())) {
      DaemonLogging.toFile(folders.logDir());
      out.println("No callrec daemon is running; starting one inside this command.");
      out.flush();
      inProcess = Daemon.start(DaemonConfig.forCurrentUser(folders));
      Runtime.getRuntime().addShutdownHook(new Thread(inProcess::close, "callrec-shutdown"));
    }
    try (DaemonClient client = DaemonClient.connect(folders)) {
      String callId = "demo-" + UUID.randomUUID();
      Recording started = client.call(stub -> stub.startRecording(StartRecordingRequest.newBuilder()
          .setCallId(callId)
          .setChat(Chat.newBuilder().setTitle(DEMO_CHAT).setType(ChatType.CHAT_TYPE_GROUP))
          .setSource(CaptureSource.newBuilder().setTestPattern(TestPattern.getDefaultInstance()))
          .build())).getRecording();
      out.printf("Recording a %d-second demo call into %s%n", seconds, folders.recordingsDir());
      showProgress(out, seconds);
      DemoDrive drive = DemoDrive.connectIfNone(client, folders.stateDir().resolve(DEMO_DRIVE), out);
      boolean paused = client.call(stub -> stub.getQueue(GetQueueRequest.getDefaultInstance())).getPaused();
      Iterator<Event> events = client.stream(stub -> stub.withDeadlineAfter(SYNC_TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .watchEvents(WatchEventsRequest.newBuilder().setAfterEventId(Long.MAX_VALUE).build()));
      Recording finished = client.call(stub -> stub.stopRecording(
          StopRecordingRequest.newBuilder().setCallId(callId).build())).getRecording();
      out.println(RecordingText.summary(finished));
      boolean synced = paused ? pausedNotice(out) : followSync(client, events, finished.getId(), out);
      drive.disconnectIfConnected(client);
      return synced && started.getCallId().equals(callId) ? ExitCodes.OK : ExitCodes.FAILURE;
    } finally {
      if (inProcess != null) {
        inProcess.close();
      }
    }
  }

  /**
   * Shows what a chat app would: the recording syncing to the Drive, then the share prompt, which the demo
   * answers "share" to show the link the chat would get.
   */
  private static boolean followSync(DaemonClient client, Iterator<Event> events, String recordingId, PrintWriter out) {
    return client.translate(() -> {
      while (events.hasNext()) {
        Event event = events.next();
        switch (event.getKindCase()) {
          case UPLOAD_FINISHED -> {
            if (event.getUploadFinished().getRecordingId().equals(recordingId)) {
              out.println("Synced to the Drive: " + event.getUploadFinished().getRemotePath());
            }
          }
          case UPLOAD_FAILED -> out.println("Upload failed: " + event.getUploadFailed().getMessage());
          case SHARE_PROMPT -> {
            Prompt prompt = event.getSharePrompt();
            if (prompt.getRecording().getId().equals(recordingId)) {
              out.println("Prompt: " + prompt.getMessage() + " [the demo answers: share]");
              client.call(stub -> stub.answerPrompt(AnswerPromptRequest.newBuilder()
                  .setPromptId(prompt.getId()).setAnswer(PromptAnswer.PROMPT_ANSWER_SHARE).build()));
            }
          }
          case SHARE_READY -> {
            if (event.getShareReady().getRecordingId().equals(recordingId)) {
              out.println("Link for the chat: " + event.getShareReady().getLink());
              return true;
            }
          }
          default -> {
            // Other news is not part of the demo.
          }
        }
        out.flush();
      }
      out.println("The daemon stopped before the recording was synced.");
      return false;
    });
  }

  private static boolean pausedNotice(PrintWriter out) {
    out.println("Uploads are paused, so the recording waits in the queue (`callrec queue resume`).");
    return true;
  }

  /** The same "recording · 00:07" the chat app shows on its record button, once a second. */
  private static void showProgress(PrintWriter out, int seconds) throws InterruptedException {
    boolean terminal = System.console() != null;
    long start = System.nanoTime();
    for (int second = 0; second <= seconds; second++) {
      String line = "● recording · " + RecordingText.clock(second * 1000L);
      out.print(terminal ? "\r" + line : line + System.lineSeparator());
      out.flush();
      if (second < seconds) {
        long wakeAt = start + (second + 1) * 1_000_000_000L;
        Thread.sleep(Math.max(0, (wakeAt - System.nanoTime()) / 1_000_000));
      }
    }
    if (terminal) {
      out.println();
    }
  }
}
