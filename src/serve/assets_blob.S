/* parley: the dashboard's files embedded in the binary (see assets.c). The assembler finds
 * them through the include path -Wa,-I<src/serve/dashboard> that cmake/cli.cmake gives. */

#define BLOB(name, file)                                                                         \
    .globl name##_start;                                                                         \
    .hidden name##_start;                                                                        \
    .type name##_start, %object;                                                                 \
    name##_start:                                                                                \
    .incbin file;                                                           \
    .globl name##_end;                                                                           \
    .hidden name##_end;                                                                          \
    name##_end:                                                                                  \
    .byte 0

    .section .rodata.parley_dashboard, "a"
    BLOB(parley_index_html, "index.html")
    BLOB(parley_app_js, "app.js")
    BLOB(parley_style_css, "style.css")

    .section .note.GNU-stack, "", %progbits
