package dev.callrec.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Copies a WebM file's packets into a new WebM file without re-encoding, so the new file has a complete
 * index (Cues) and the right duration. Used to complete a recording and to repair one that a crash cut off.
 *
 * <p>Audio packet durations are recomputed from the timestamps on the way: the encoder library callrec uses
 * writes them in samples where the container expects milliseconds, which made files look about a second
 * longer than they are. Audio packets never reorder, so the gap to the next packet is their true duration.
 */
public final class WebmRemuxer {
  private WebmRemuxer() {}

  public static void remux(Path source, Path target) throws IOException {
    AVFormatContext input = new AVFormatContext(null);
    check(avformat_open_input(input, source.toString(), null, null), "open " + source.getFileName());
    AVFormatContext output = new AVFormatContext(null);
    AVPacket packet = av_packet_alloc();
    try {
      check(avformat_find_stream_info(input, (PointerPointer<?>) null), "read the streams of " + source.getFileName());
      check(avformat_alloc_output_context2(output, null, EncoderSettings.CONTAINER, target.toString()), "create the output");
      int streams = input.nb_streams();
      for (int i = 0; i < streams; i++) {
        AVStream in = input.streams(i);
        AVStream out = avformat_new_stream(output, null);
        check(avcodec_parameters_copy(out.codecpar(), in.codecpar()), "copy stream parameters");
        out.codecpar().codec_tag(0);
        out.time_base(in.time_base());
      }
      AVIOContext io = new AVIOContext(null);
      check(avio_open(io, target.toString(), AVIO_FLAG_WRITE), "open " + target.getFileName() + " for writing");
      output.pb(io);
      check(avformat_write_header(output, (PointerPointer<?>) null), "write the header");
      copyPackets(input, output, packet, streams);
      check(av_write_trailer(output), "write the index");
    } finally {
      av_packet_free(packet);
      if (output.pb() != null) {
        avio_closep(output.pb());
      }
      avformat_free_context(output);
      avformat_close_input(input);
    }
  }

  private static void copyPackets(AVFormatContext input, AVFormatContext output, AVPacket packet, int streams)
      throws IOException {
    AVPacket[] heldBack = new AVPacket[streams];
    long[] lastDuration = new long[streams];
    try {
      while (av_read_frame(input, packet) >= 0) {
        int index = packet.stream_index();
        boolean audio = input.streams(index).codecpar().codec_type() == AVMEDIA_TYPE_AUDIO;
        if (!audio || packet.pts() == AV_NOPTS_VALUE) {
          write(input, output, packet);
          continue;
        }
        AVPacket previous = heldBack[index];
        if (previous != null) {
          long gap = packet.pts() - previous.pts();
          if (gap > 0) {
            previous.duration(gap);
            lastDuration[index] = gap;
          }
          write(input, output, previous);
          av_packet_free(previous);
        }
        heldBack[index] = av_packet_clone(packet);
        av_packet_unref(packet);
      }
      for (int index = 0; index < streams; index++) {
        AVPacket last = heldBack[index];
        if (last != null) {
          if (lastDuration[index] > 0 && last.duration() > lastDuration[index]) {
            last.duration(lastDuration[index]);
          }
          heldBack[index] = null;
          write(input, output, last);
          av_packet_free(last);
        }
      }
    } finally {
      for (AVPacket held : heldBack) {
        if (held != null) {
          av_packet_free(held);
        }
      }
    }
  }

  /** Writes and releases the packet's data (the muxer takes the reference). */
  private static void write(AVFormatContext input, AVFormatContext output, AVPacket packet) throws IOException {
    int index = packet.stream_index();
    av_packet_rescale_ts(packet, input.streams(index).time_base(), output.streams(index).time_base());
    packet.pos(-1);
    check(av_interleaved_write_frame(output, packet), "write a packet");
  }

  private static void check(int result, String action) throws IOException {
    if (result < 0) {
      byte[] message = new byte[256];
      av_strerror(result, message, message.length);
      String text = new String(message, java.nio.charset.StandardCharsets.UTF_8).trim();
      throw new IOException("FFmpeg could not " + action + ": " + text + " (" + result + ")");
    }
  }
}
