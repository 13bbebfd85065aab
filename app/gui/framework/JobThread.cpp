#include "app/gui/framework/JobThread.h"

#include <utility>

namespace as::gui {

void JobThread::start(std::function<void()> job, std::function<void()> done,
                      QThread::Priority priority, const QString& name) {
    join();
    QThread* t = QThread::create(std::move(job));
    if (!name.isEmpty()) t->setObjectName(name);
    thread_ = t;
    QObject::connect(
        t, &QThread::finished, owner_,
        [this, t, done = std::move(done)] {
            if (thread_ != t) return;  // joined already
            join();
            if (done) done();
        },
        Qt::QueuedConnection);
    t->start(priority);
}

void JobThread::join() {
    if (!thread_) return;
    thread_->wait();
    delete thread_;
    thread_ = nullptr;
}

}  // namespace as::gui
