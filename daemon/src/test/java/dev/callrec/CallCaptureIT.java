package dev.callrec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callrec.media.CaptureDevices;
import dev.callrec.platform.CurrentUser;
import dev.callrec.platform.OperatingSystem;
import dev.callrec.proto.v1.AudioSources;
import dev.callrec.proto.v1.CaptureSource;
import dev.callrec.proto.v1.Chat;
import dev.callrec.proto.v1.Event;
import dev.callrec.proto.v1.Recording;
import dev.callrec.proto.v1.Region;
import dev.callrec.proto.v1.Screen;
import dev.callrec.proto.v1.SetCaptureSourceRequest;
import dev.callrec.proto.v1.SetViewRequest;
import dev.callrec.proto.v1.StartRecordingRequest;
import dev.callrec.proto.v1.StopRecordingRequest;
import dev.callrec.proto.v1.View;
import dev.callrec.proto.v1.WatchEventsRequest;
import dev.callrec.proto.v1.Window;
import dev.callrec.recording.DiskSpace;
import dev.callrec.testing.EventCollector;
import dev.callrec.testing.HeadlessPulse;
import dev.callrec.testing.MediaFile;
import dev.callrec.testing.ScreenPainter;
import dev.callrec.testing.TestDaemon;
import dev.callrec.testing.VirtualDisplay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Real calls: an X display (Xvfb) with moving content, a PulseAudio server playing a tone, the real daemon. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallCaptureIT {
  @TempDir
  static Path root;
  private VirtualDisplay display;
  private HeadlessPulse pulse;
  private ScreenPainter.Painter painter;
  private TestDaemon daemon;

  @BeforeAll
  void startDesktop() throws Exception {
    display = VirtualDisplay.start(1920, 1080);
    pulse = HeadlessPulse.start(root);
    painter = ScreenPainter.start(display.name());
    daemon = TestDaemon.start(root.resolve("daemon"), CurrentUser.uid(), DiskSpace.withFloor(0),
        new CaptureDevices(OperatingSystem.LINUX, display.name(), pulse.server()));
  }

  @AfterAll
  void stopDesktop() throws Exception {
    daemon.close();
    painter.close();
    pulse.close();
    display.close();
  }

  private static CaptureSource screen(Region region) {
    Screen.Builder screen = Screen.newBuilder();
    if (region != null) {
      screen.setRegion(region);
    }
    return CaptureSource.newBuilder().setScreen(screen).build();
  }

  private static Region region(int width, int height) {
    return Region.newBuilder().setX(0).setY(0).setWidth(width).setHeight(height).build();
  }

  private Recording record(String callId, CaptureSource source, AudioSources audio, long millis) throws Exception {
    daemon.blocking().startRecording(StartRecordingRequest.newBuilder()
        .setCallId(callId).setChat(Chat.newBuilder().setTitle("Screen " + callId)).setSource(source).setAudio(audio)
        .build());
    Thread.sleep(millis);
    return stop(callId);
  }

  private Recording stop(String callId) {
    return daemon.blocking().stopRecording(StopRecordingRequest.newBuilder().setCallId(callId).build()).getRecording();
  }

  @Test
  void recordsTheWholeScreenAt1080pAndARegionAt720pWithTheCallsSound() throws Exception {
    painter.send("animate");
    for (Region region : new Region[] {null, region(1280, 720)}) {
      Recording recording = record("screen-" + (region == null ? "full" : "region"), screen(region),
          AudioSources.getDefaultInstance(), 4000);
      Path file = Path.of(recording.getFilePath());
      MediaFile media = MediaFile.probe(file);
      assertThat(recording.getWidth()).isEqualTo(region == null ? 1920 : 1280);
      assertThat(recording.getHeight()).isEqualTo(region == null ? 1080 : 720);
      long frames = media.ofType("video").get(0).frames();
      assertThat((double) frames).as("frames for %.3f s", media.durationSeconds())
          .isCloseTo(media.durationSeconds() * 30, Percentage.withPercentage(1));
      // The screen is read from the moment it opens, so the file also holds what was taken while the encoder
      // started (up to the capture queue's 0.2 s), and a busy machine finishes the last frames a moment late.
      assertThat(media.durationSeconds()).isBetween(3.5, 4.8);
      assertThat(MediaFile.decodeErrors(file)).isEmpty();
      assertThat(MediaFile.meanVolumeDb(file)).as("the tone is audible").isGreaterThan(-35.0);
    }
  }

  @Test
  void aTextChatIsNeverRecordedAndTheNoticeStandsExactlyWhereItWas() throws Exception {
    String callId = "privacy";
    painter.send("fill 00C000");
    daemon.blocking().startRecording(StartRecordingRequest.newBuilder()
        .setCallId(callId).setChat(Chat.newBuilder().setTitle("Privacy")).setSource(screen(region(640, 360)))
        .setAudio(AudioSources.newBuilder().setSilent(true)).build());
    Thread.sleep(1000);
    daemon.blocking().setView(SetViewRequest.newBuilder().setCallId(callId).setView(View.VIEW_CHAT).build());
    long chatFrom = System.nanoTime();
    painter.send("fill FF00FF"); // the secret chat, on screen only while the view is the chat
    Thread.sleep(1500);
    painter.send("fill 00C000");
    daemon.blocking().setView(SetViewRequest.newBuilder().setCallId(callId).setView(View.VIEW_CALL).build());
    double chatSeconds = (System.nanoTime() - chatFrom) / 1e9;
    Thread.sleep(1000);
    Path file = Path.of(stop(callId).getFilePath());

    StringBuilder kinds = new StringBuilder();
    for (byte[] frame : MediaFile.framesAsRgb(file, 32, 18)) {
      kinds.append(classify(frame));
    }
    assertThat(kinds.toString()).as("frames: G = call, N = notice, X = chat").doesNotContain("X").doesNotContain("?");
    Matcher shape = Pattern.compile("^(G+)(N+)(G+)$").matcher(kinds);
    assertThat(shape.matches()).as("call, then notice, then call: %s", kinds).isTrue();
    assertThat((double) shape.group(2).length()).isCloseTo(chatSeconds * 30, Offset.offset(4.0));
  }

  @Test
  void switchingFromTheTestPatternToTheScreenKeepsOneFileWithoutAGap() throws Exception {
    painter.send("animate");
    String callId = "switch";
    daemon.blocking().startRecording(TestDaemon.startRequest(callId, "Switch", 640, 360));
    long started = System.nanoTime();
    Thread.sleep(1500);
    Recording switched = daemon.blocking().setCaptureSource(SetCaptureSourceRequest.newBuilder()
        .setCallId(callId).setSource(screen(region(640, 360))).build()).getRecording();
    Thread.sleep(1500);
    double wallSeconds = (System.nanoTime() - started) / 1e9;
    Recording finished = stop(callId);

    assertThat(finished.getId()).isEqualTo(switched.getId());
    Path file = Path.of(finished.getFilePath());
    MediaFile media = MediaFile.probe(file);
    assertThat(media.durationSeconds()).isCloseTo(wallSeconds, Offset.offset(0.3));
    assertThat((double) media.ofType("video").get(0).frames())
        .isCloseTo(media.durationSeconds() * 30, Percentage.withPercentage(1));
    assertThat(MediaFile.decodeErrors(file)).isEmpty();
  }

  @Test
  void recordsTheCallWindow() throws Exception {
    painter.send("animate");
    long windowId = windowId(ScreenPainter.TITLE);
    Recording recording = record("window", CaptureSource.newBuilder()
        .setWindow(Window.newBuilder().setWindowId(windowId)).build(), AudioSources.newBuilder().setSilent(true).build(),
        2000);
    assertThat(recording.getWidth()).isEqualTo(1920);
    assertThat(MediaFile.decodeErrors(Path.of(recording.getFilePath()))).isEmpty();
  }

  @Test
  void theCallWindowIsFollowedWhenItMovesOrChangesSize() throws Exception {
    painter.send("animate");
    painter.send("bounds 0 0 800 600");
    long windowId = windowId(ScreenPainter.TITLE);
    String callId = "window-moves";
    daemon.blocking().startRecording(StartRecordingRequest.newBuilder()
        .setCallId(callId).setChat(Chat.newBuilder().setTitle("Moving window"))
        .setSource(CaptureSource.newBuilder().setWindow(Window.newBuilder().setWindowId(windowId)))
        .setAudio(AudioSources.newBuilder().setSilent(true)).build());
    long started = System.nanoTime();
    Thread.sleep(1000);
    painter.send("bounds 300 200 800 600");
    Thread.sleep(1000);
    painter.send("bounds 300 200 1024 700");
    Thread.sleep(1500);
    double wallSeconds = (System.nanoTime() - started) / 1e9;
    Recording recording = stop(callId);
    painter.send("bounds 0 0 1920 1080");

    assertThat(recording.getState()).isEqualTo(dev.callrec.proto.v1.RecordingState.RECORDING_STATE_FINISHED);
    assertThat(recording.getWidth()).isEqualTo(800);
    Path file = Path.of(recording.getFilePath());
    assertThat(MediaFile.decodeErrors(file)).isEmpty();
    assertThat(MediaFile.probe(file).durationSeconds()).isCloseTo(wallSeconds, Offset.offset(0.4));
    java.util.List<byte[]> frames = MediaFile.framesAsRgb(file, 32, 24);
    assertThat(blueShare(frames.get(frames.size() - 1))).as("the moved window's bars are still in the picture")
        .isGreaterThan(0.2);
  }

  /** The share of pixels that are the painter's blue bars. */
  private static double blueShare(byte[] rgb) {
    int blue = 0;
    for (int i = 0; i < rgb.length; i += 3) {
      if ((rgb[i + 2] & 0xFF) > 150 && (rgb[i] & 0xFF) < 100 && (rgb[i + 1] & 0xFF) < 100) {
        blue++;
      }
    }
    return blue / (rgb.length / 3.0);
  }

  @Test
  void aMissingSoundDeviceMeansSilenceAndAWarningNotAFailedRecording() throws Exception {
    EventCollector watcher = new EventCollector();
    daemon.async().watchEvents(WatchEventsRequest.getDefaultInstance(), watcher);
    Recording recording = record("no-sound", screen(region(320, 240)),
        AudioSources.newBuilder().setCallAudioDevice("no-such-device").setMicrophoneOff(true).build(), 2000);
    Event warning = watcher.await(e -> e.hasRecordingWarning() && e.getRecordingWarning().getCallId().equals("no-sound"),
        Duration.ofSeconds(5));
    assertThat(warning.getRecordingWarning().getMessage()).contains("No sound from the call's audio");
    Path file = Path.of(recording.getFilePath());
    assertThat(MediaFile.probe(file).ofType("audio")).hasSize(1);
    assertThat(MediaFile.meanVolumeDb(file)).isLessThan(-80.0);
  }

  @Test
  void aDisplayThatGoesAwayEndsTheRecordingWithAPlayableFileNotAHang() throws Exception {
    EventCollector watcher = new EventCollector();
    daemon.async().watchEvents(WatchEventsRequest.getDefaultInstance(), watcher);
    try (VirtualDisplay doomed = VirtualDisplay.start(640, 360)) {
      daemon.blocking().startRecording(StartRecordingRequest.newBuilder()
          .setCallId("display-gone").setChat(Chat.newBuilder().setTitle("Gone"))
          .setSource(CaptureSource.newBuilder().setScreen(Screen.newBuilder().setDisplay(doomed.name())))
          .setAudio(AudioSources.newBuilder().setSilent(true)).build());
      Thread.sleep(1500);
    } // the X server is gone
    Event failed = watcher.await(e -> e.hasRecordingFailed()
        && e.getRecordingFailed().getRecording().getCallId().equals("display-gone"), Duration.ofSeconds(10));
    Path file = Path.of(failed.getRecordingFailed().getRecording().getFilePath());
    assertThat(failed.getRecordingFailed().getMessage()).contains("saved up to that point");
    assertThat(MediaFile.decodeErrors(file)).isEmpty();
    assertThat(MediaFile.probe(file).durationSeconds()).isGreaterThan(1.0);
  }

  /** G: the call (green), N: the notice screen (dark grey), X: the chat's colour, ?: anything else. */
  private static char classify(byte[] rgb) {
    int green = 0;
    int notice = 0;
    int chat = 0;
    int pixels = rgb.length / 3;
    for (int i = 0; i < rgb.length; i += 3) {
      int r = rgb[i] & 0xFF;
      int g = rgb[i + 1] & 0xFF;
      int b = rgb[i + 2] & 0xFF;
      if (r > 150 && g < 100 && b > 150) {
        chat++;
      } else if (g > 140 && r < 90 && b < 90) {
        green++;
      } else if (r < 110 && g < 110 && b < 110) {
        notice++;
      }
    }
    if (chat > 0) {
      return 'X';
    }
    if (green > pixels * 9 / 10) {
      return 'G';
    }
    return notice > pixels / 2 ? 'N' : '?';
  }

  private long windowId(String title) throws Exception {
    Process xwininfo = new ProcessBuilder("xwininfo", "-display", display.name(), "-name", title)
        .redirectErrorStream(true).start();
    String out = new String(xwininfo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    xwininfo.waitFor();
    Matcher id = Pattern.compile("Window id: 0x([0-9a-f]+)").matcher(out);
    assertThat(id.find()).as(out).isTrue();
    return Long.parseLong(id.group(1), 16);
  }
}
