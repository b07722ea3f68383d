package dev.callrec.media;

/** What a finished file holds, read back from the file itself. */
public record MediaInfo(long durationMs, String videoCodec, String audioCodec, int width, int height) {}
