package dev.callrec.bench;

/** CPU seconds spent and seconds of media made by one recording. */
record Run(double cpuSeconds, double mediaSeconds) {

  double cpuPerMediaSecond() {
    return cpuSeconds / mediaSeconds;
  }
}
