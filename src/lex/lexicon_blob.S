/* parley: the English lexicon blob (built by tools/lexgen.c) embedded in the library.
 * PARLEY_LEXICON_BIN is the path of lexicon.bin, given as a compile definition by
 * cmake/lexicon.cmake. The symbols are hidden: only src/lex/lexicon.c uses them. */
#ifndef PARLEY_LEXICON_BIN
#error "PARLEY_LEXICON_BIN (path of lexicon.bin) must be defined"
#endif

    .section .rodata.parley_lexicon, "a"
    .balign 16
    .globl parley_lexicon_blob_start
    .hidden parley_lexicon_blob_start
    .type parley_lexicon_blob_start, %object
parley_lexicon_blob_start:
    .incbin PARLEY_LEXICON_BIN
    .size parley_lexicon_blob_start, . - parley_lexicon_blob_start
    .globl parley_lexicon_blob_end
    .hidden parley_lexicon_blob_end
    .type parley_lexicon_blob_end, %object
parley_lexicon_blob_end:
    .byte 0
    .size parley_lexicon_blob_end, 1

    .section .note.GNU-stack, "", %progbits
