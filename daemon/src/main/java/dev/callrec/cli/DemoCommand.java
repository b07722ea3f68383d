package dev.callrec.cli;

import dev.callrec.Daemon;
import dev.callrec.DaemonConfig;
import dev.callrec.ipc.SocketGuard;
import dev.callrec.platform.Folders;
import dev.callrec.proto.v1.CaptureSource;
import dev.callrec.proto.v1.Chat;
import dev.callrec.proto.v1.ChatType;
import dev.callrec.proto.v1.Recording;
import dev.callrec.proto.v1.StartRecordingRequest;
import dev.callrec.proto.v1.StopRecordingRequest;
import dev.callrec.proto.v1.TestPattern;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Record a demo call (FFmpeg's test pattern and a tone) and show the file it makes. "
        + "Uses the running daemon, or starts one inside this command.")
final class DemoCommand implements Callable<Integer> {
  static final String DEMO_CHAT = "callrec demo";

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
      Recording finished = client.call(stub -> stub.stopRecording(
          StopRecordingRequest.newBuilder().setCallId(callId).build())).getRecording();
      out.println(RecordingText.summary(finished));
      return started.getCallId().equals(callId) ? ExitCodes.OK : ExitCodes.FAILURE;
    } finally {
      if (inProcess != null) {
        inProcess.close();
      }
    }
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
