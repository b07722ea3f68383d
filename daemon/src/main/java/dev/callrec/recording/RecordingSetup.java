package dev.callrec.recording;

import dev.callrec.media.CaptureDevices;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Everything the recording side needs from the daemon: where files go, which devices, which language, where
 * ended recordings and the calls are kept, and the free plan's rule.
 */
public record RecordingSetup(Path recordingsDir, CaptureDevices devices, Locale locale, DiskSpace diskSpace,
    Clock clock, RecordingArchive archive, CallBook calls, FreePlan freePlan) {}
