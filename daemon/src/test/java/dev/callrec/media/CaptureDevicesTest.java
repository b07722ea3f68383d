package dev.callrec.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callrec.platform.OperatingSystem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptureDevicesTest {
  private final CaptureDevices linux = new CaptureDevices(OperatingSystem.LINUX, ":1", "unix:/run/pulse/native");
  private final CaptureDevices windows = new CaptureDevices(OperatingSystem.WINDOWS, null, null);
  private final CaptureDevices macos = new CaptureDevices(OperatingSystem.MACOS, null, null);

  @Test
  void linuxUsesX11grabAndPulse() {
    assertThat(linux.screen(new ScreenSpec("", null), 30))
        .isEqualTo(new GrabberSettings("x11grab", ":1", Map.of("framerate", "30", "draw_mouse", "1")));
    GrabberSettings region = linux.screen(new ScreenSpec(":0", new Region(100, 50, 1280, 720)), 30);
    assertThat(region.filename()).isEqualTo(":0+100,50");
    assertThat(region.options()).containsEntry("video_size", "1280x720");
    assertThat(linux.window(new WindowSpec("", 0x2a00007L), 30).options()).containsEntry("window_id", "0x2a00007");
    GrabberSettings callAudio = linux.callAudio("");
    assertThat(callAudio.format()).isEqualTo("pulse");
    assertThat(callAudio.filename()).isEqualTo("@DEFAULT_MONITOR@");
    assertThat(callAudio.options()).containsEntry("server", "unix:/run/pulse/native")
        .containsEntry("sample_rate", "48000").containsEntry("channels", "2");
    assertThat(linux.microphone("").filename()).isEqualTo("default");
  }

  @Test
  void windowsUsesGdigrabAndDirectShow() {
    GrabberSettings region = windows.screen(new ScreenSpec("", new Region(10, 20, 640, 480)), 30);
    assertThat(region.format()).isEqualTo("gdigrab");
    assertThat(region.filename()).isEqualTo("desktop");
    assertThat(region.options()).containsEntry("offset_x", "10").containsEntry("offset_y", "20")
        .containsEntry("video_size", "640x480").containsEntry("framerate", "30");
    assertThat(windows.window(new WindowSpec("", 0x1234L), 30).filename()).isEqualTo("hwnd=0x1234");
    assertThat(windows.microphone("Headset").filename()).isEqualTo("audio=Headset");
    assertThat(windows.callAudio("").format()).isEqualTo("dshow");
  }

  @Test
  void macosUsesAvfoundation() {
    GrabberSettings screen = macos.screen(new ScreenSpec("1", null), 30);
    assertThat(screen.format()).isEqualTo("avfoundation");
    assertThat(screen.filename()).isEqualTo("Capture screen 1:none");
    assertThat(screen.options()).containsEntry("pixel_format", "bgr0").containsEntry("capture_cursor", "1");
    assertThat(macos.microphone("").filename()).isEqualTo(":default");
    assertThatThrownBy(() -> macos.window(new WindowSpec("", 1), 30))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("share the screen");
  }
}
