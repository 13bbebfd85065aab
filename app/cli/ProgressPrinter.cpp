#include "ProgressPrinter.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace as::cli {
namespace {

double steadySeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::string amount(double v, double total) {
    char buf[32];
    if (std::abs(total) >= 100)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

}  // namespace

ProgressPrinter::ProgressPrinter(std::string job, std::string unit, bool quiet, std::ostream* out,
                                 Clock clock)
    : job_(std::move(job)),
      unit_(std::move(unit)),
      quiet_(quiet),
      out_(out ? out : &std::cerr),
      clock_(clock ? std::move(clock) : Clock(steadySeconds)) {
    start_ = clock_();
}

std::string ProgressPrinter::formatSeconds(double s) {
    char buf[48];
    if (!std::isfinite(s) || s < 0) return "?";
    if (s < 100)
        std::snprintf(buf, sizeof buf, "%.1f s", s);
    else if (s < 7200)
        std::snprintf(buf, sizeof buf, "%d min %02d s", int(s / 60), int(std::fmod(s, 60.0)));
    else
        std::snprintf(buf, sizeof buf, "%.1f h", s / 3600);
    return buf;
}

void ProgressPrinter::update(double done, double total) {
    if (quiet_) return;
    const double now = clock_();
    if (firstTime_ < 0 && done > 0) {
        // The rate is measured from the first report with progress (setup time excluded), or from
        // the start when the first report is already late.
        firstTime_ = now;
        firstDone_ = done;
        if (now - start_ > kEverySeconds) {
            firstTime_ = start_;
            firstDone_ = 0;
        }
    }
    if (now - start_ < kQuietSeconds || now - lastLine_ < kEverySeconds) return;
    if (!(total > 0)) return;
    lastLine_ = now;
    ++lines_;
    const double fraction = std::clamp(done / total, 0.0, 1.0);
    std::string left = "time left unknown";
    if (firstTime_ >= 0 && done > firstDone_ && now > firstTime_) {
        const double rate = (done - firstDone_) / (now - firstTime_);
        left = formatSeconds((total - done) / rate) + " left";
    }
    char pct[16];
    std::snprintf(pct, sizeof pct, "%.0f%%", std::floor(100 * fraction));
    *out_ << job_ << ": " << pct;
    if (!unit_.empty())
        *out_ << " (" << amount(done, total) << "/" << amount(total, total) << " " << unit_ << ")";
    *out_ << ", " << left << std::endl;
}

}  // namespace as::cli
