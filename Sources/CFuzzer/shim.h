// libFuzzer's driver, for `make fuzz` (linked from the toolchain's libclang_rt.fuzzer_no_main only
// there; ordinary builds never call it).
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
