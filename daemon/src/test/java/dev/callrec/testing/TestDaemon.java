package dev.callrec.testing;

import dev.callrec.Daemon;
import dev.callrec.DaemonConfig;
import dev.callrec.recording.FreePlan;
import dev.callrec.recording.Plan;
import dev.callrec.recording.PlanSettings;
import dev.callrec.sync.SyncSettings;
import dev.callrec.ipc.ClientChannels;
import dev.callrec.platform.CurrentUser;
import dev.callrec.platform.Folders;
import dev.callrec.proto.v1.CaptureSource;
import dev.callrec.proto.v1.Chat;
import dev.callrec.proto.v1.ChatType;
import dev.callrec.proto.v1.RecorderServiceGrpc;
import dev.callrec.proto.v1.StartRecordingRequest;
import dev.callrec.proto.v1.TestPattern;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Path;
import dev.callrec.media.CaptureDevices;
import dev.callrec.recording.DiskSpace;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** A real daemon on a real socket in a temporary folder, and a client connected to it. */
public final class TestDaemon implements AutoCloseable {
  public final Folders folders;
  public final Daemon daemon;
  private final ManagedChannel channel;

  private TestDaemon(Folders folders, Daemon daemon) {
    this.folders = folders;
    this.daemon = daemon;
    this.channel = ClientChannels.forSocket(folders.socket());
  }

  public static Folders foldersIn(Path root) {
    return new Folders(root.resolve("Recorded video calls"), root.resolve("state"), root.resolve("run/callrec.sock"));
  }

  public static TestDaemon start(Path root) throws IOException {
    return start(root, CurrentUser.uid());
  }

  public static TestDaemon start(Path root, int allowedCallerUid) throws IOException {
    return start(root, allowedCallerUid, DiskSpace.withFloor(0));
  }

  public static TestDaemon start(Path root, int allowedCallerUid, DiskSpace diskSpace) throws IOException {
    return start(root, allowedCallerUid, diskSpace, CaptureDevices.forThisMachine());
  }

  public static TestDaemon start(Path root, int allowedCallerUid, DiskSpace diskSpace, CaptureDevices devices)
      throws IOException {
    return start(root, allowedCallerUid, diskSpace, devices, SyncSettings.DEFAULT, PlanSettings.DEFAULT);
  }

  /** A daemon whose uploads behave as {@code sync} says (e.g. slowed down, to interrupt one). */
  public static TestDaemon start(Path root, SyncSettings sync) throws IOException {
    return start(root, CurrentUser.uid(), DiskSpace.withFloor(0), CaptureDevices.forThisMachine(), sync,
        PlanSettings.DEFAULT);
  }

  /** A daemon on the free plan with the given rule (a shorter threshold, so tests need not record 30 s). */
  public static TestDaemon start(Path root, FreePlan freePlan) throws IOException {
    return start(root, CurrentUser.uid(), DiskSpace.withFloor(0), CaptureDevices.forThisMachine(),
        SyncSettings.DEFAULT, new PlanSettings(Plan.FREE, freePlan));
  }

  private static TestDaemon start(Path root, int allowedCallerUid, DiskSpace diskSpace, CaptureDevices devices,
      SyncSettings sync, PlanSettings plans) throws IOException {
    Folders folders = foldersIn(root);
    return new TestDaemon(folders, Daemon.start(new DaemonConfig(folders, allowedCallerUid, diskSpace, devices,
        Locale.ENGLISH, sync, plans, Clock.systemDefaultZone())));
  }

  public RecorderServiceGrpc.RecorderServiceBlockingStub blocking() {
    return RecorderServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  public RecorderServiceGrpc.RecorderServiceStub async() {
    return RecorderServiceGrpc.newStub(channel);
  }

  /** A StartRecording request for the test pattern at the given size. */
  public static StartRecordingRequest startRequest(String callId, String chatTitle, int width, int height) {
    return StartRecordingRequest.newBuilder()
        .setCallId(callId)
        .setChat(Chat.newBuilder().setId("chat-" + chatTitle.hashCode()).setTitle(chatTitle).setType(ChatType.CHAT_TYPE_GROUP))
        .setSource(CaptureSource.newBuilder().setTestPattern(
            TestPattern.newBuilder().setWidth(width).setHeight(height)))
        .build();
  }

  @Override
  public void close() {
    channel.shutdownNow();
    daemon.close();
  }
}
