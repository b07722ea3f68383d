package dev.callrec.media;

/** A rectangle on a screen, in pixels from its top-left corner. Encoders need even sizes. */
public record Region(int x, int y, int width, int height) {

  public Region {
    if (x < 0 || y < 0) {
      throw new IllegalArgumentException("A region cannot start left of or above the screen (x and y from 0).");
    }
    if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException("A region needs an even width and height of at least 16 pixels.");
    }
  }
}
