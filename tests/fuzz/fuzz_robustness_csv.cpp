// Fuzzes the robustness CSV parser (sde::parseRobustnessCsv: the SDE lab's Load CSV..., the
// measured table it opens with, the table kept in SDE sessions). The input is the CSV text. A
// parse either fails with a message or gives records that obey the format's rules, and those
// records can be written again; anything else aborts (a finding).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "sde/RobustnessRecords.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::vector<as::sde::RobustnessRecord> records;
    const std::string error = as::sde::parseRobustnessCsv(text, "fuzz.csv", records, "fuzzed");
    if (!error.empty()) {
        if (!records.empty() || error.rfind("fuzz.csv", 0) != 0) std::abort();
        return 0;
    }
    for (const auto& r : records)
        if (r.model.empty() || r.seed < 0 || r.n <= 0 || !(r.accuracy >= 0 && r.accuracy <= 1))
            std::abort();
    (void)as::sde::formatRobustnessCsv(records);
    return 0;
}
