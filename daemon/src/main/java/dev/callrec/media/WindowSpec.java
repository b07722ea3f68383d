package dev.callrec.media;

import java.io.IOException;

/** A window, recorded as what is shown in its rectangle on screen. {@code display} empty: the default one. */
public record WindowSpec(String display, long windowId) implements SourceSpec {

  @Override
  public OpenedSource open(CaptureDevices devices) throws IOException {
    return OpenedSource.open(devices.window(this, ScreenSpec.FRAME_RATE), ScreenSpec.FRAME_RATE,
        "window 0x" + Long.toHexString(windowId));
  }
}
