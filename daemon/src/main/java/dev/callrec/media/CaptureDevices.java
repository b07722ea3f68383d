package dev.callrec.media;

import dev.callrec.platform.OperatingSystem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * FFmpeg's screen, window and sound input devices on each platform, and the options callrec opens them with:
 * x11grab and PulseAudio on Linux, gdigrab and DirectShow on Windows, AVFoundation on macOS.
 */
public final class CaptureDevices {
  private final OperatingSystem os;
  private final String defaultDisplay;
  private final String pulseServer;

  /**
   * {@code defaultDisplay}: the X display used when a request names none (null: ":0"). {@code pulseServer}:
   * the PulseAudio server to record from (null: the session's own).
   */
  public CaptureDevices(OperatingSystem os, String defaultDisplay, String pulseServer) {
    this.os = os;
    this.defaultDisplay = defaultDisplay == null || defaultDisplay.isBlank() ? ":0" : defaultDisplay;
    this.pulseServer = pulseServer == null ? "" : pulseServer;
  }

  public static CaptureDevices forThisMachine() {
    return new CaptureDevices(OperatingSystem.current(), System.getenv("DISPLAY"), System.getenv("PULSE_SERVER"));
  }

  public GrabberSettings screen(ScreenSpec screen, int frameRate) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("framerate", Integer.toString(frameRate));
    Region region = screen.region();
    switch (os) {
      case LINUX -> {
        String display = screen.display().isBlank() ? defaultDisplay : screen.display();
        options.put("draw_mouse", "1");
        if (region != null) {
          options.put("video_size", region.width() + "x" + region.height());
          return new GrabberSettings("x11grab", display + "+" + region.x() + "," + region.y(), options);
        }
        return new GrabberSettings("x11grab", display, options);
      }
      case WINDOWS -> {
        options.put("draw_mouse", "1");
        if (region != null) {
          options.put("offset_x", Integer.toString(region.x()));
          options.put("offset_y", Integer.toString(region.y()));
          options.put("video_size", region.width() + "x" + region.height());
        }
        return new GrabberSettings("gdigrab", "desktop", options);
      }
      case MACOS -> {
        // AVFoundation has no crop option: a region is cut out by the encoder's scaler from the whole screen.
        options.put("capture_cursor", "1");
        options.put("pixel_format", "bgr0");
        String index = screen.display().isBlank() ? "0" : screen.display();
        return new GrabberSettings("avfoundation", "Capture screen " + index + ":none", options);
      }
      default -> throw new IllegalStateException(os.toString());
    }
  }

  public GrabberSettings window(WindowSpec window, int frameRate) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("framerate", Integer.toString(frameRate));
    options.put("draw_mouse", "1");
    switch (os) {
      case LINUX -> {
        options.put("window_id", "0x" + Long.toHexString(window.windowId()));
        String display = window.display().isBlank() ? defaultDisplay : window.display();
        return new GrabberSettings("x11grab", display, options);
      }
      case WINDOWS -> {
        return new GrabberSettings("gdigrab", "hwnd=0x" + Long.toHexString(window.windowId()), options);
      }
      default -> throw new UnsupportedOperationException(
          "Recording a single window is not available on " + os + "; share the screen instead.");
    }
  }

  /** The device the call plays to, captured from its monitor ({@code device} empty: the default output). */
  public GrabberSettings callAudio(String device) {
    return switch (os) {
      case LINUX -> audio("pulse", device.isBlank() ? "@DEFAULT_MONITOR@" : device);
      case WINDOWS -> audio("dshow", "audio=" + (device.isBlank() ? "Stereo Mix" : device));
      case MACOS -> audio("avfoundation", ":" + (device.isBlank() ? "BlackHole 2ch" : device));
    };
  }

  /** The microphone ({@code device} empty: the default input). */
  public GrabberSettings microphone(String device) {
    return switch (os) {
      case LINUX -> audio("pulse", device.isBlank() ? "default" : device);
      case WINDOWS -> audio("dshow", "audio=" + (device.isBlank() ? "Microphone" : device));
      case MACOS -> audio("avfoundation", ":" + (device.isBlank() ? "default" : device));
    };
  }

  private GrabberSettings audio(String format, String device) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("sample_rate", Integer.toString(AudioFormat.SAMPLE_RATE));
    options.put("channels", Integer.toString(AudioFormat.CHANNELS));
    if (format.equals("pulse")) {
      options.put("name", "callrec");
      options.put("fragment_size", "3840"); // 20 ms: sound reaches the file with little delay
      if (!pulseServer.isBlank()) {
        options.put("server", pulseServer);
      }
    }
    return new GrabberSettings(format, device, options);
  }
}
