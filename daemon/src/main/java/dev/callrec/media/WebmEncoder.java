package dev.callrec.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP9;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/** Creates the FFmpeg recorder that writes one recording's WebM file. */
final class WebmEncoder {
  private WebmEncoder() {}

  static FFmpegFrameRecorder create(Path file, EncoderSettings settings) {
    FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(
        file.toFile(), settings.width(), settings.height(), settings.audioChannels());
    recorder.setFormat(EncoderSettings.CONTAINER);
    recorder.setVideoCodec(AV_CODEC_ID_VP9);
    recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
    recorder.setFrameRate(settings.frameRate());
    recorder.setVideoBitrate(settings.videoBitrate());
    recorder.setGopSize(settings.keyframeInterval());
    settings.videoOptions().forEach(recorder::setVideoOption);
    recorder.setAudioCodec(AV_CODEC_ID_OPUS);
    recorder.setSampleRate(settings.audioSampleRate());
    recorder.setAudioBitrate(settings.audioBitrate());
    settings.muxerOptions().forEach(recorder::setOption);
    return recorder;
  }
}
