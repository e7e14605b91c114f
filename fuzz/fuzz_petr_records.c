/* fuzz_petr_records.c: the PETRARCH XML unit-test record reader (src/io/petr_records.c). */
#include "../src/io/petr_records.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *path = fuzz_tmpfile(data, size, ".xml");
    if (!path) return 0;
    petr_record_set rs;
    char err[256];
    if (petr_records_read(path, &rs, err, sizeof err) == 0) petr_records_free(&rs);
    return 0;
}
