package dev.callrec.prompts;

import java.time.Instant;

/** A question waiting for the user; {@code recordingId} is null for a question about no recording. */
public record Prompt(long id, PromptKind kind, String recordingId, Instant createdAt) {}
