package dev.callrec.media;

import java.util.Map;

/** How to open one FFmpeg input device: its format name, its "file name", and its options. */
public record GrabberSettings(String format, String filename, Map<String, String> options) {}
