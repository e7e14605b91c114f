/* progress.c: a one-line progress report on stderr for long runs, only when stderr is a
 * terminal: articles, articles/s, events, and the ETA when the input size is known. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void progress_start(progress *p, long long total_bytes) {
    p->on = isatty(STDERR_FILENO);
    p->start = p->last = now_seconds();
    p->total_bytes = total_bytes;
    p->shown = 0;
    p->in = NULL;
    p->base = 0;
}

void progress_update(progress *p, long articles, long events, long long bytes_done) {
    if (!p->on) return;
    double t = now_seconds();
    if (t - p->last < 0.25) return;
    p->last = t;
    double rate = articles / (t - p->start > 1e-9 ? t - p->start : 1e-9);
    char eta[48] = "";
    if (p->total_bytes > 0 && bytes_done > 0 && bytes_done <= p->total_bytes) {
        double left = (t - p->start) * (double)(p->total_bytes - bytes_done) / (double)bytes_done;
        snprintf(eta, sizeof eta, ", %d%%, ETA %d:%02d",
                 (int)(100.0 * (double)bytes_done / (double)p->total_bytes), (int)left / 60,
                 (int)left % 60);
    }
    fprintf(stderr, "\r\033[Kparley: %ld articles (%.0f/s), %ld events%s", articles, rate, events,
            eta);
    p->shown = 1;
}

void progress_end(progress *p, long articles, long skipped, long events, long mentions) {
    if (!p->on) return;
    double t = now_seconds() - p->start;
    fprintf(stderr,
            "%sparley: %ld articles stored (%ld already stored), %ld new events, %ld "
            "mentions in %.1f s\n",
            p->shown ? "\r\033[K" : "", articles, skipped, events, mentions, t);
}
