package dev.callrec.bench;

/** The options every benchmark takes: {@code --seconds N --rounds N --size WxH}. */
record BenchmarkOptions(int seconds, int rounds, int width, int height) {

  static BenchmarkOptions parse(String[] args, int seconds, int rounds, int width, int height) {
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--size" -> {
          String[] size = args[i + 1].split("x");
          width = Integer.parseInt(size[0]);
          height = Integer.parseInt(size[1]);
        }
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    return new BenchmarkOptions(seconds, rounds, width, height);
  }
}
