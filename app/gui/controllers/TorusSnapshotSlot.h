#pragma once
// The hand-over point between the Torus lab's worker and its views: the latest immutable snapshot
// of each of the lab's two simulations (3D grid cells, 2D head direction). Only shared_ptrs cross.
#include <QMutex>
#include <QMutexLocker>
#include <memory>

#include "cann/Hd2dSnapshot.h"
#include "cann/TorusSnapshot.h"

namespace as::gui {

class TorusSnapshotSlot {
  public:
    void store(std::shared_ptr<const as::TorusSnapshot> t,
               std::shared_ptr<const as::Hd2dSnapshot> h) {
        QMutexLocker lock(&mutex_);
        if (t) torus_ = std::move(t);
        if (h) hd2d_ = std::move(h);
        ++serial_;
    }
    std::shared_ptr<const as::TorusSnapshot> torus(quint64* serial = nullptr) const {
        QMutexLocker lock(&mutex_);
        if (serial) *serial = serial_;
        return torus_;
    }
    std::shared_ptr<const as::Hd2dSnapshot> hd2d() const {
        QMutexLocker lock(&mutex_);
        return hd2d_;
    }

  private:
    mutable QMutex mutex_;
    std::shared_ptr<const as::TorusSnapshot> torus_;
    std::shared_ptr<const as::Hd2dSnapshot> hd2d_;
    quint64 serial_ = 0;
};

}  // namespace as::gui
