#pragma once
// The hand-over point between the worker thread and the views: the worker stores the latest
// immutable snapshot here; the GUI reads it on its own timer. Only a shared_ptr crosses threads.
#include <QMutex>
#include <QMutexLocker>
#include <memory>

#include "cann/RingSnapshot.h"

namespace as::gui {

class SnapshotSlot {
  public:
    void store(std::shared_ptr<const as::RingSnapshot> s) {
        QMutexLocker lock(&mutex_);
        latest_ = std::move(s);
        ++serial_;
    }
    /// The latest snapshot; *serial (if given) increases by one for every store().
    std::shared_ptr<const as::RingSnapshot> load(quint64* serial = nullptr) const {
        QMutexLocker lock(&mutex_);
        if (serial) *serial = serial_;
        return latest_;
    }

  private:
    mutable QMutex mutex_;
    std::shared_ptr<const as::RingSnapshot> latest_;
    quint64 serial_ = 0;
};

}  // namespace as::gui
