#include "core/Watchdog.h"

#include <cmath>
#include <sstream>

namespace as {

std::optional<std::string> Watchdog::inspect(const std::vector<double>& state, double t,
                                             const std::string& variable) const {
    for (std::size_t i = 0; i < state.size(); ++i) {
        const double v = state[i];
        if (!(std::abs(v) <= limit_)) {  // also true for NaN
            std::ostringstream s;
            s << "simulation stopped at t = " << t << " ms: " << variable << "[" << i << "] = " << v
              << (std::isfinite(v) ? " exceeds the runaway limit " : " is not a finite number");
            if (std::isfinite(v)) s << limit_;
            s << "; the last good state is kept (try a smaller dt or the RK4 integrator)";
            return s.str();
        }
    }
    return std::nullopt;
}

}  // namespace as
