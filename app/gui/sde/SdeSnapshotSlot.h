#pragma once
// Hand-over point between the SDE worker and the views (as SnapshotSlot for the ring): the worker
// stores the latest immutable frame, the GUI pulls it on its own timer; only a shared_ptr crosses.
#include <QMutex>
#include <QMutexLocker>
#include <memory>

#include "sde/SdeSnapshot.h"

namespace as::gui {

class SdeSnapshotSlot {
  public:
    void store(std::shared_ptr<const SdeSnapshot> s) {
        QMutexLocker lock(&mutex_);
        latest_ = std::move(s);
        ++serial_;
    }
    /// The latest frame; *serial (if given) grows by one with every store().
    std::shared_ptr<const SdeSnapshot> load(quint64* serial = nullptr) const {
        QMutexLocker lock(&mutex_);
        if (serial) *serial = serial_;
        return latest_;
    }

  private:
    mutable QMutex mutex_;
    std::shared_ptr<const SdeSnapshot> latest_;
    quint64 serial_ = 0;
};

}  // namespace as::gui
