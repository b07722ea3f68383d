package dev.callrec.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** What an upload reported as it went, safe to feed from the uploading thread while a test reads it. */
final class ProgressLog implements Drive.UploadProgress {
  private record Step(long bytes, long total) {}

  private final List<Step> steps = new ArrayList<>();

  @Override
  public synchronized void sent(long bytes, long total) {
    steps.add(new Step(bytes, total));
  }

  synchronized void clear() {
    steps.clear();
  }

  synchronized int size() {
    return steps.size();
  }

  /** The bytes the first step reported. */
  synchronized long first() {
    return steps.get(0).bytes();
  }

  /** The bytes the latest step reported. */
  synchronized long last() {
    return steps.get(steps.size() - 1).bytes();
  }

  /** Every step told the same total, the bytes never went back, and the last step reached the whole file. */
  synchronized void assertEndsAt(long size) {
    assertThat(steps).isNotEmpty();
    long last = -1;
    for (Step step : steps) {
      assertThat(step.total()).isEqualTo(size);
      assertThat(step.bytes()).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(size);
      last = step.bytes();
    }
    assertThat(last).isEqualTo(size);
  }
}
