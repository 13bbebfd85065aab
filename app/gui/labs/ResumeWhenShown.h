#pragma once
// The one rule by which a lab follows its tab (Lab::setActive): a hidden lab pauses, and when its
// tab is shown again it plays if it was playing when it was hidden. The main window tells every
// hidden lab on every tab change, so a repeated "hidden" changes nothing: Ring playing → Torus →
// E-I → Ring plays again (issue 17, item 2). A lab may also ask to play the first time it is shown.
#include <optional>

namespace as::gui {

class ResumeWhenShown {
  public:
    explicit ResumeWhenShown(bool playWhenFirstShown = false) : resume_(playWhenFirstShown) {}

    /// Applies the rule to a player with isPlaying(), play() and pause() (a lab's controller).
    template <class Player>
    void setActive(bool active, Player& player) {
        if (active_ == active) return;  // told again: nothing changed
        const bool firstCall = !active_.has_value();
        active_ = active;
        if (!active) {
            resume_ = (firstCall && resume_) || player.isPlaying();
            player.pause();
        } else if (resume_) {
            resume_ = false;
            player.play();
        }
    }
    bool isActive() const { return active_.value_or(false); }
    /// Whether the next show plays; set it while hidden (e.g. off for a start without --play).
    void setResume(bool on) { resume_ = on; }
    bool willResume() const { return resume_; }

  private:
    std::optional<bool> active_;  ///< unknown until the main window first tells the lab
    bool resume_;
};

}  // namespace as::gui
