#ifndef GEOBRIEF_CJPEG_SHIM_H
#define GEOBRIEF_CJPEG_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <setjmp.h>
#include <jpeglib.h>

/// libjpeg reports errors by calling error_exit, which must not return; Swift cannot catch a
/// longjmp, so the whole compression runs here, between setjmp and the jump back.
struct geobrief_jpeg_error {
    struct jpeg_error_mgr manager;
    jmp_buf back;
};

static void geobrief_jpeg_error_exit(j_common_ptr info) {
    struct geobrief_jpeg_error *e = (struct geobrief_jpeg_error *)info->err;
    longjmp(e->back, 1);
}

static void geobrief_jpeg_silent(j_common_ptr info) { (void)info; }

/// Compresses `width` x `height` interleaved RGB pixels at `quality` (1-100) into a buffer that
/// the caller frees with free(); returns 0 on success, -1 when libjpeg failed.
static inline int geobrief_jpeg_encode_rgb(const unsigned char *rgb, int width, int height, int quality,
                                           unsigned char **out, unsigned long *out_size) {
    struct jpeg_compress_struct c;
    struct geobrief_jpeg_error e;
    *out = NULL;
    *out_size = 0;
    c.err = jpeg_std_error(&e.manager);
    e.manager.error_exit = geobrief_jpeg_error_exit;
    e.manager.output_message = geobrief_jpeg_silent;
    if (setjmp(e.back)) {
        jpeg_destroy_compress(&c);
        free(*out);
        *out = NULL;
        *out_size = 0;
        return -1;
    }
    jpeg_create_compress(&c);
    jpeg_mem_dest(&c, out, out_size);
    c.image_width = (JDIMENSION)width;
    c.image_height = (JDIMENSION)height;
    c.input_components = 3;
    c.in_color_space = JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, quality, TRUE);
    jpeg_start_compress(&c, TRUE);
    while (c.next_scanline < c.image_height) {
        JSAMPROW row = (JSAMPROW)(rgb + (size_t)c.next_scanline * (size_t)width * 3);
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    return 0;
}
#endif
