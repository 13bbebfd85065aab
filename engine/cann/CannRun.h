#pragma once
// What the three CANN simulations (RingSimulation, TorusSimulation, Hd2dSimulation) keep beside
// their models: the simulated clock (ms), the steps taken, the recorded traces, and the watchdog
// with the halt it may call (the run then keeps its last good state until an edit or a reset).
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/TraceBuffer.h"
#include "core/Watchdog.h"

namespace as {

class CannRun {
  public:
    double time() const { return t_; }
    long steps() const { return steps_; }
    bool halted() const { return halted_; }
    const std::string& message() const { return message_; }
    const TraceBuffer& traces() const { return traces_; }

  protected:
    CannRun(std::vector<std::string> channels, std::size_t traceCapacity)
        : traces_(std::move(channels), traceCapacity) {}

    /// t = 0, no steps, no recordings, no halt.
    void restartClock() {
        t_ = 0.0;
        steps_ = 0;
        traces_.clear();
        clearHalt();
    }
    void clearHalt() {
        halted_ = false;
        message_.clear();
    }
    /// Stops the run with the watchdog's reason.
    void halt(std::string why) {
        halted_ = true;
        message_ = std::move(why);
    }
    /// Replaces the recordings (session load); throws std::invalid_argument unless they have this
    /// run's channels (`lab` names the run in the message).
    void replaceTraces(const TraceBuffer& traces, const std::string& lab) {
        if (traces.channels() != traces_.channels())
            throw std::invalid_argument("recorded trace channels do not match this version's " +
                                        lab + " channels");
        traces_ = traces;
    }

    Watchdog watchdog_;
    TraceBuffer traces_;
    double t_ = 0.0;
    long steps_ = 0;

  private:
    bool halted_ = false;
    std::string message_;
};

}  // namespace as
