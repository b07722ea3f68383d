package dev.callrec.cli;

import dev.callrec.proto.v1.CaptureSource;
import dev.callrec.proto.v1.Region;
import dev.callrec.proto.v1.Screen;
import dev.callrec.proto.v1.TestPattern;
import dev.callrec.proto.v1.Window;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** What to record, as the start and source commands take it. Without any, the test pattern. */
final class SourceOptions {
  private static final Pattern REGION = Pattern.compile("^(\\d+),(\\d+),(\\d+)x(\\d+)$");

  @Option(names = "--screen", arity = "0..1", fallbackValue = "", paramLabel = "DISPLAY",
      description = "Record the screen (of this X display; default $DISPLAY) instead of the test pattern.")
  String screen;

  @Option(names = "--region", paramLabel = "X,Y,WxH", description = "With --screen: only this part, e.g. 0,0,1280x720.")
  String region;

  @Option(names = "--window", paramLabel = "ID", description = "Record this window (an X11 id such as 0x2a00007).")
  String window;

  /** Fails as bad usage of {@code command} if the options do not name one source. */
  void check(picocli.CommandLine command) {
    try {
      toProto();
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(command, e.getMessage());
    }
  }

  /** The source asked for, or a message saying what is wrong with the options. */
  CaptureSource toProto() {
    if (screen != null && window != null) {
      throw new IllegalArgumentException("Choose --screen or --window, not both.");
    }
    if (region != null && screen == null) {
      throw new IllegalArgumentException("--region goes with --screen.");
    }
    if (window != null) {
      return CaptureSource.newBuilder().setWindow(Window.newBuilder().setWindowId(parseWindowId(window))).build();
    }
    if (screen != null) {
      Screen.Builder builder = Screen.newBuilder().setDisplay(screen);
      if (region != null) {
        builder.setRegion(parseRegion(region));
      }
      return CaptureSource.newBuilder().setScreen(builder).build();
    }
    return CaptureSource.newBuilder().setTestPattern(TestPattern.getDefaultInstance()).build();
  }

  private static long parseWindowId(String text) {
    try {
      return text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--window takes a window id such as 0x2a00007, not \"" + text + "\".");
    }
  }

  private static Region parseRegion(String text) {
    Matcher matcher = REGION.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("--region takes X,Y,WIDTHxHEIGHT such as 0,0,1280x720, not \"" + text + "\".");
    }
    return Region.newBuilder()
        .setX(Integer.parseInt(matcher.group(1))).setY(Integer.parseInt(matcher.group(2)))
        .setWidth(Integer.parseInt(matcher.group(3))).setHeight(Integer.parseInt(matcher.group(4)))
        .build();
  }
}
