package dev.callrec.media;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Loader;

/**
 * The ffmpeg and ffprobe programs that ship with callrec's FFmpeg libraries: the same build, so benchmarks
 * and checks compare like with like.
 */
public enum FfmpegTool {
  FFMPEG(org.bytedeco.ffmpeg.ffmpeg.class),
  FFPROBE(org.bytedeco.ffmpeg.ffprobe.class);

  private final Class<?> program;

  FfmpegTool(Class<?> program) {
    this.program = program;
  }

  /** Unpacks the program if needed; the first call takes a moment. */
  public Path executable() {
    return Path.of(Loader.load(program));
  }

  /** A process running the program; its shared libraries sit beside it and are found through LD_LIBRARY_PATH. */
  public ProcessBuilder command(List<String> arguments) {
    Path executable = executable();
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().merge("LD_LIBRARY_PATH", executable.getParent().toString(),
        (existing, libraries) -> libraries + File.pathSeparator + existing);
    return builder;
  }
}
