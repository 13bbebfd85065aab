#pragma once
// The stimulus position z(t) and on/off state of each protocol. Protocol time starts at 0 when the
// protocol is (re)started, so switching protocol in a running session behaves like a fresh trial.
#include <random>

#include "cann/StimulusParams.h"

namespace as {

class Stimulus {
  public:
    explicit Stimulus(const StimulusParams& p);
    const StimulusParams& params() const { return p_; }
    /// Replaces the parameters (checked) and restarts the protocol clock at 0.
    void setParams(const StimulusParams& p);
    /// Restarts the protocol (clock, OU walk, random stream).
    void restart();
    /// Moves the protocol to local time t + dt and updates z and on.
    void advance(double dt);
    /// External protocol: the target position the caller set (e.g. the mouse).
    void setExternalTarget(double z);

    double z() const { return z_; }
    bool on() const { return on_; }
    double localTime() const { return t_; }
    /// Restores a saved protocol clock and position (session files).
    void restore(double localTime, double z, double externalTarget);
    double externalTarget() const { return external_; }

  private:
    void evaluate();
    StimulusParams p_;
    double t_ = 0.0;
    double z_ = 0.0;
    bool on_ = true;
    double external_ = 0.0;
    std::mt19937_64 rng_;
    std::normal_distribution<double> normal_{0.0, 1.0};
};

}  // namespace as
