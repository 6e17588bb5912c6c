#ifndef GEOBRIEF_CVIDEO_SHIM_H
#define GEOBRIEF_CVIDEO_SHIM_H
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>

/* FFmpeg's libraries (libavformat, libavcodec, libavfilter, libavutil, from Debian) encode
   animations. They are loaded when an animation is first made, as PROJ is: with the codecs they
   link (x264, libvpx and some fifty more) they would cost every start of `geobrief` tens of
   milliseconds. The functions used are looked up once into a table; the types come from FFmpeg's
   headers, and nothing here is linked against it.

   One encoder: frames of BGRA pixels (Cairo's ARGB32 on a little-endian machine) go through a
   filter graph (conversion to the codec's pixel format; for GIF, a palette made from every frame
   with palettegen and applied with paletteuse) into the codec and the container. */

#define GEOBRIEF_AV_FUNCTIONS(X) \
    X(avformat_alloc_output_context2) X(avformat_new_stream) X(avformat_write_header) X(av_write_trailer) \
    X(av_interleaved_write_frame) X(avformat_free_context) X(avio_open) X(avio_closep) \
    X(avcodec_find_encoder_by_name) X(avcodec_alloc_context3) X(avcodec_open2) X(avcodec_free_context) \
    X(avcodec_parameters_from_context) X(avcodec_send_frame) X(avcodec_receive_packet) \
    X(av_packet_alloc) X(av_packet_free) X(av_packet_rescale_ts) X(av_packet_unref) \
    X(av_frame_alloc) X(av_frame_free) X(av_frame_get_buffer) X(av_frame_make_writable) X(av_frame_unref) \
    X(av_opt_set) X(av_strerror) X(av_log_set_level) X(av_strdup) \
    X(avfilter_graph_alloc) X(avfilter_graph_free) X(avfilter_get_by_name) X(avfilter_graph_create_filter) \
    X(avfilter_inout_alloc) X(avfilter_inout_free) X(avfilter_graph_parse_ptr) X(avfilter_graph_config) \
    X(av_buffersrc_add_frame_flags) X(av_buffersink_get_frame) X(av_buffersink_get_format)

#define GEOBRIEF_AV_FIELD(name) __typeof__(&name) name;
struct geobrief_av_api { GEOBRIEF_AV_FUNCTIONS(GEOBRIEF_AV_FIELD) };
#undef GEOBRIEF_AV_FIELD

struct geobrief_av_state { struct geobrief_av_api api; const char *problem; pthread_once_t once; };

static inline struct geobrief_av_state *geobrief_av_state(void) {
    static struct geobrief_av_state state = { .problem = "FFmpeg was not loaded", .once = PTHREAD_ONCE_INIT };
    return &state;
}

#define GEOBRIEF_AV_STR2(x) #x
#define GEOBRIEF_AV_STR(x) GEOBRIEF_AV_STR2(x)

static inline void geobrief_av_open(void) {
    struct geobrief_av_state *s = geobrief_av_state();
    /* The sonames of the major versions these headers describe (their ABI). */
    static const char *const names[] = {
        "libavfilter.so." GEOBRIEF_AV_STR(LIBAVFILTER_VERSION_MAJOR),
        "libavformat.so." GEOBRIEF_AV_STR(LIBAVFORMAT_VERSION_MAJOR),
        "libavcodec.so." GEOBRIEF_AV_STR(LIBAVCODEC_VERSION_MAJOR),
        "libavutil.so." GEOBRIEF_AV_STR(LIBAVUTIL_VERSION_MAJOR), NULL };
    void *libraries[4] = { NULL, NULL, NULL, NULL };
    for (int i = 0; names[i]; i++) {
        libraries[i] = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (!libraries[i]) {
            s->problem = "FFmpeg's libraries (libavfilter, libavformat, libavcodec) cannot be loaded: run `make setup`";
            return;
        }
    }
#define GEOBRIEF_AV_LOOKUP(name) \
    for (int i = 0; i < 4 && !s->api.name; i++) s->api.name = (__typeof__(&name))dlsym(libraries[i], #name); \
    if (!s->api.name) { s->problem = "FFmpeg's libraries lack " #name ": install FFmpeg 5 (`make setup`)"; return; }
    GEOBRIEF_AV_FUNCTIONS(GEOBRIEF_AV_LOOKUP)
#undef GEOBRIEF_AV_LOOKUP
    s->api.av_log_set_level(AV_LOG_ERROR);
    s->problem = NULL;
}

/// Loads FFmpeg once; NULL when it is ready, else what is wrong.
static inline const char *geobrief_av_load(void) {
    struct geobrief_av_state *s = geobrief_av_state();
    pthread_once(&s->once, geobrief_av_open);
    return s->problem;
}

#define GB_AV (geobrief_av_state()->api)

/// One animation being written.
struct geobrief_video {
    AVFormatContext *format;
    AVCodecContext *codec;
    AVStream *stream;
    AVFilterGraph *graph;
    AVFilterContext *source, *sink;
    AVFrame *input, *filtered;
    AVPacket *packet;
    int64_t next_pts;
    int header_written;
    char error[256];
};

static inline int geobrief_video_fail(struct geobrief_video *v, const char *what, int code) {
    char reason[160] = "";
    if (code < 0) GB_AV.av_strerror(code, reason, sizeof reason);
    snprintf(v->error, sizeof v->error, "%s%s%s", what, reason[0] ? ": " : "", reason);
    return code < 0 ? code : -1;
}

static inline const char *geobrief_video_error(const struct geobrief_video *v) { return v->error; }

/* Packets the codec has ready, into the container. */
static inline int geobrief_video_drain_codec(struct geobrief_video *v) {
    for (;;) {
        int r = GB_AV.avcodec_receive_packet(v->codec, v->packet);
        if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return 0;
        if (r < 0) return geobrief_video_fail(v, "encode a frame", r);
        /* Every frame lasts one tick: without it MP4's edit list leaves the last frame out. */
        if (v->packet->duration <= 0) v->packet->duration = 1;
        GB_AV.av_packet_rescale_ts(v->packet, v->codec->time_base, v->stream->time_base);
        v->packet->stream_index = v->stream->index;
        r = GB_AV.av_interleaved_write_frame(v->format, v->packet);
        GB_AV.av_packet_unref(v->packet);
        if (r < 0) return geobrief_video_fail(v, "write a frame", r);
    }
}

/* Frames the filter graph has ready, into the codec (opened on the first, in the graph's format). */
static inline int geobrief_video_drain_graph(struct geobrief_video *v) {
    for (;;) {
        int r = GB_AV.av_buffersink_get_frame(v->sink, v->filtered);
        if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return 0;
        if (r < 0) return geobrief_video_fail(v, "convert a frame", r);
        r = GB_AV.avcodec_send_frame(v->codec, v->filtered);
        GB_AV.av_frame_unref(v->filtered);
        if (r < 0) return geobrief_video_fail(v, "encode a frame", r);
        if ((r = geobrief_video_drain_codec(v)) < 0) return r;
    }
}

/// Frees everything `v` holds (and `v`).
static inline void geobrief_video_free(struct geobrief_video *v) {
    if (!v) return;
    if (v->format && v->format->pb) GB_AV.avio_closep(&v->format->pb);
    if (v->format) GB_AV.avformat_free_context(v->format);
    if (v->codec) GB_AV.avcodec_free_context(&v->codec);
    if (v->graph) GB_AV.avfilter_graph_free(&v->graph);
    if (v->input) GB_AV.av_frame_free(&v->input);
    if (v->filtered) GB_AV.av_frame_free(&v->filtered);
    if (v->packet) GB_AV.av_packet_free(&v->packet);
    free(v);
}

/// Opens `path` for an animation of `width` x `height` BGRA frames at `fps`: `container` is an
/// FFmpeg muxer (mp4, webm, gif, apng), `encoder` a codec (libx264, libvpx-vp9, gif, apng),
/// `filters` the graph between them (e.g. "format=yuv420p"), `options` the codec's as
/// "key=value:key=value". Returns NULL only when out of memory; check geobrief_video_error.
static inline struct geobrief_video *geobrief_video_open(const char *path, const char *container, const char *encoder,
                                                         const char *filters, const char *options,
                                                         int width, int height, int fps) {
    struct geobrief_video *v = calloc(1, sizeof *v);
    if (!v) return NULL;
    const AVCodec *codec = GB_AV.avcodec_find_encoder_by_name(encoder);
    if (!codec) { geobrief_video_fail(v, "FFmpeg has no encoder of this name (install Debian's libavcodec59 with its codecs)", 0); return v; }
    int r = GB_AV.avformat_alloc_output_context2(&v->format, NULL, container, path);
    if (r < 0 || !v->format) { geobrief_video_fail(v, "make the container", r); return v; }
    v->format->flags |= AVFMT_FLAG_BITEXACT;
    v->codec = GB_AV.avcodec_alloc_context3(codec);
    v->input = GB_AV.av_frame_alloc();
    v->filtered = GB_AV.av_frame_alloc();
    v->packet = GB_AV.av_packet_alloc();
    v->graph = GB_AV.avfilter_graph_alloc();
    if (!v->codec || !v->input || !v->filtered || !v->packet || !v->graph) { geobrief_video_fail(v, "allocate", AVERROR(ENOMEM)); return v; }

    /* The filter graph: buffer (BGRA) -> filters -> buffersink. */
    char args[160];
    snprintf(args, sizeof args, "video_size=%dx%d:pix_fmt=%d:time_base=1/%d:pixel_aspect=1/1:frame_rate=%d/1",
             width, height, (int)AV_PIX_FMT_BGRA, fps, fps);
    r = GB_AV.avfilter_graph_create_filter(&v->source, GB_AV.avfilter_get_by_name("buffer"), "in", args, NULL, v->graph);
    if (r < 0) { geobrief_video_fail(v, "make the filter graph's source", r); return v; }
    r = GB_AV.avfilter_graph_create_filter(&v->sink, GB_AV.avfilter_get_by_name("buffersink"), "out", NULL, NULL, v->graph);
    if (r < 0) { geobrief_video_fail(v, "make the filter graph's sink", r); return v; }
    AVFilterInOut *outputs = GB_AV.avfilter_inout_alloc(), *inputs = GB_AV.avfilter_inout_alloc();
    if (!outputs || !inputs) { GB_AV.avfilter_inout_free(&outputs); GB_AV.avfilter_inout_free(&inputs); geobrief_video_fail(v, "allocate", AVERROR(ENOMEM)); return v; }
    outputs->name = GB_AV.av_strdup("in"); outputs->filter_ctx = v->source; outputs->pad_idx = 0; outputs->next = NULL;
    inputs->name = GB_AV.av_strdup("out"); inputs->filter_ctx = v->sink; inputs->pad_idx = 0; inputs->next = NULL;
    r = GB_AV.avfilter_graph_parse_ptr(v->graph, filters, &inputs, &outputs, NULL);
    GB_AV.avfilter_inout_free(&inputs); GB_AV.avfilter_inout_free(&outputs);
    if (r < 0) { geobrief_video_fail(v, "read the filter graph", r); return v; }
    /* One thread in the filters: the same bytes on every machine. */
    v->graph->nb_threads = 1;
    if ((r = GB_AV.avfilter_graph_config(v->graph, NULL)) < 0) { geobrief_video_fail(v, "configure the filter graph", r); return v; }

    v->codec->width = width;
    v->codec->height = height;
    v->codec->time_base = (AVRational){ 1, fps };
    v->codec->framerate = (AVRational){ fps, 1 };
    v->codec->pix_fmt = (enum AVPixelFormat)GB_AV.av_buffersink_get_format(v->sink);
    v->codec->flags |= AV_CODEC_FLAG_BITEXACT;
    /* A fixed thread count: the encoders' output depends on it. */
    v->codec->thread_count = 2;
    if (v->format->oformat->flags & AVFMT_GLOBALHEADER) v->codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (options && *options) {
        char *copy = GB_AV.av_strdup(options), *save = NULL;
        for (char *pair = strtok_r(copy, ":", &save); pair; pair = strtok_r(NULL, ":", &save)) {
            char *eq = strchr(pair, '=');
            if (!eq) continue;
            *eq = 0;
            /* The codec context's own options and the encoder's private ones. */
            if ((r = GB_AV.av_opt_set(v->codec, pair, eq + 1, AV_OPT_SEARCH_CHILDREN)) < 0) {
                char what[96]; snprintf(what, sizeof what, "set the encoder's option %s", pair);
                free(copy); geobrief_video_fail(v, what, r); return v;
            }
        }
        free(copy);
    }
    if ((r = GB_AV.avcodec_open2(v->codec, codec, NULL)) < 0) { geobrief_video_fail(v, "open the encoder", r); return v; }
    v->stream = GB_AV.avformat_new_stream(v->format, NULL);
    if (!v->stream) { geobrief_video_fail(v, "add the video stream", AVERROR(ENOMEM)); return v; }
    v->stream->time_base = v->codec->time_base;
    if ((r = GB_AV.avcodec_parameters_from_context(v->stream->codecpar, v->codec)) < 0) { geobrief_video_fail(v, "describe the stream", r); return v; }
    if ((r = GB_AV.avio_open(&v->format->pb, path, AVIO_FLAG_WRITE)) < 0) { geobrief_video_fail(v, "open the file", r); return v; }
    if ((r = GB_AV.avformat_write_header(v->format, NULL)) < 0) { geobrief_video_fail(v, "write the header", r); return v; }
    v->header_written = 1;

    v->input->format = AV_PIX_FMT_BGRA;
    v->input->width = width;
    v->input->height = height;
    if ((r = GB_AV.av_frame_get_buffer(v->input, 0)) < 0) { geobrief_video_fail(v, "allocate a frame", r); return v; }
    v->error[0] = 0;
    return v;
}

/// Adds one frame: `height` rows of `width` BGRA pixels, `stride` bytes apart.
static inline int geobrief_video_add(struct geobrief_video *v, const uint8_t *pixels, int stride) {
    int r = GB_AV.av_frame_make_writable(v->input);
    if (r < 0) return geobrief_video_fail(v, "allocate a frame", r);
    for (int y = 0; y < v->input->height; y++)
        memcpy(v->input->data[0] + (size_t)y * v->input->linesize[0], pixels + (size_t)y * stride, (size_t)v->input->width * 4);
    v->input->pts = v->next_pts++;
    if ((r = GB_AV.av_buffersrc_add_frame_flags(v->source, v->input, AV_BUFFERSRC_FLAG_KEEP_REF)) < 0)
        return geobrief_video_fail(v, "convert a frame", r);
    return geobrief_video_drain_graph(v);
}

/// Flushes the filters, the encoder and the container; 0 when the file is complete.
static inline int geobrief_video_finish(struct geobrief_video *v) {
    int r;
    if ((r = GB_AV.av_buffersrc_add_frame_flags(v->source, NULL, 0)) < 0) return geobrief_video_fail(v, "flush the filters", r);
    if ((r = geobrief_video_drain_graph(v)) < 0) return r;
    if ((r = GB_AV.avcodec_send_frame(v->codec, NULL)) < 0) return geobrief_video_fail(v, "flush the encoder", r);
    if ((r = geobrief_video_drain_codec(v)) < 0) return r;
    if ((r = GB_AV.av_write_trailer(v->format)) < 0) return geobrief_video_fail(v, "write the trailer", r);
    if ((r = GB_AV.avio_closep(&v->format->pb)) < 0) return geobrief_video_fail(v, "close the file", r);
    return 0;
}
#endif
