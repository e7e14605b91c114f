/* fuzz_tabari_records.c: the TABARI .text record reader (src/io/tabari_records.c). */
#include "../src/io/tabari_records.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    tabari_record_set rs;
    char err[256];
    if (tabari_records_read_mem((const char *)data, size, &rs, err, sizeof err) == 0)
        tabari_records_free(&rs);
    return 0;
}
