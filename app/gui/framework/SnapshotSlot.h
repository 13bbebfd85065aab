#pragma once
// The hand-over point between a lab's worker thread and its views: the worker stores the latest
// snapshot here and the GUI reads it on its own timer. Only a shared_ptr<const T> crosses threads,
// so a snapshot is immutable once stored (the worker builds a fresh one for every store()).
#include <QMutex>
#include <QMutexLocker>
#include <memory>

namespace as::gui {

template <class T>
class SnapshotSlot {
  public:
    void store(std::shared_ptr<const T> s) {
        QMutexLocker lock(&mutex_);
        latest_ = std::move(s);
        ++serial_;
    }
    /// The latest snapshot; *serial (if given) grows by one with every store().
    std::shared_ptr<const T> load(quint64* serial = nullptr) const {
        QMutexLocker lock(&mutex_);
        if (serial) *serial = serial_;
        return latest_;
    }

  private:
    mutable QMutex mutex_;
    std::shared_ptr<const T> latest_;
    quint64 serial_ = 0;
};

}  // namespace as::gui
