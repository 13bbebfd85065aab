#pragma once
// Hand-over point between the E-I worker and the views (as SnapshotSlot for the ring).
#include <QMutex>
#include <QMutexLocker>
#include <memory>

#include "controllers/EiSnapshot.h"

namespace as::gui {

class EiSnapshotSlot {
  public:
    void store(std::shared_ptr<const EiSnapshot> s) {
        QMutexLocker lock(&mutex_);
        latest_ = std::move(s);
        ++serial_;
    }
    std::shared_ptr<const EiSnapshot> load(quint64* serial = nullptr) const {
        QMutexLocker lock(&mutex_);
        if (serial) *serial = serial_;
        return latest_;
    }

  private:
    mutable QMutex mutex_;
    std::shared_ptr<const EiSnapshot> latest_;
    quint64 serial_ = 0;
};

}  // namespace as::gui
