package dev.callrec.media;

import java.io.IOException;

/** A screen, or a region of it ({@code region} null: the whole screen). {@code display} empty: the default one. */
public record ScreenSpec(String display, Region region) implements SourceSpec {
  public static final int FRAME_RATE = 30;

  @Override
  public OpenedSource open(CaptureDevices devices) throws IOException {
    return OpenedSource.open(devices.screen(this, FRAME_RATE), FRAME_RATE, "the screen");
  }
}
