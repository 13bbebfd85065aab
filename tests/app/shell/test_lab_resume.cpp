// Issue 17, item 2 "A playing lab comes back paused after two tab changes": hop across the tabs in
// every order and check that a lab playing when left plays again when shown, and a paused one
// stays paused, for each lab with a Play button that follows its tab (Ring, Torus, E-I, SDE,
// Surrogate); the Generator lab, which has none, is among the tabs hopped through.
#include <QApplication>
#include <QTabWidget>
#include <QTest>
#include <functional>

#include "app/gui/ei/EiController.h"
#include "app/gui/ei/EiLab.h"
#include "app/gui/ring/RingController.h"
#include "app/gui/ring/RingLab.h"
#include "app/gui/sde/SdeController.h"
#include "app/gui/sde/SdeLab.h"
#include "app/gui/shell/MainWindow.h"
#include "app/gui/surrogate/SurrogateController.h"
#include "app/gui/surrogate/SurrogateLab.h"
#include "app/gui/torus/TorusController.h"
#include "app/gui/torus/TorusLab.h"
#include "tests/app/TestWindow.h"

using as::gui::Lab;
using as::gui::MainWindow;

namespace {
struct Player {
    std::function<bool()> isPlaying;
    std::function<void()> play, pause;
};
template <class L>
Player playerOf(Lab* lab) {
    auto* c = qobject_cast<L*>(lab)->controller();
    return {[c] { return c->isPlaying(); }, [c] { c->play(); }, [c] { c->pause(); }};
}
}  // namespace

class TestLabResume : public QObject {
    Q_OBJECT
  private:
    std::unique_ptr<MainWindow> w_;
    Lab* lab(const QString& id) {
        for (Lab* l : w_->labs())
            if (l->labId() == id) return l;
        return nullptr;
    }
    Player player(const QString& id) {
        if (id == "ring") return playerOf<as::gui::RingLab>(lab(id));
        if (id == "torus") return playerOf<as::gui::TorusLab>(lab(id));
        if (id == "ei") return playerOf<as::gui::EiLab>(lab(id));
        if (id == "surrogate") return playerOf<as::gui::SurrogateLab>(lab(id));
        return playerOf<as::gui::SdeLab>(lab(id));
    }
    /// Shows `start` in the state `playing`, then the tabs `via` in turn, then `start` again;
    /// returns whether it plays then (and checks that it was paused while hidden). With waitMs the
    /// workers answer (playingChanged) between the changes, as when a person clicks the tabs.
    bool hop(const QString& start, const QStringList& via, bool playing, int waitMs = 0) {
        Player p = player(start);
        [&] { QVERIFY(w_->showLab(start)); }();
        playing ? p.play() : p.pause();
        for (const QString& id : via) {
            if (waitMs) QTest::qWait(waitMs);
            [&] { QVERIFY(w_->showLab(id)); }();
            if (p.isPlaying()) return !playing;  // a hidden lab must not run: fail either way
        }
        if (waitMs) QTest::qWait(waitMs);
        [&] { QVERIFY(w_->showLab(start)); }();
        if (waitMs) QTest::qWait(waitMs);
        return p.isPlaying();
    }

  private slots:
    void initTestCase() {
        w_ = as::test::openMainWindow("test_lab_resume", {.defaultSession = true});
        QVERIFY(w_);
    }
    void cleanupTestCase() { w_.reset(); }

    // The steps, as written.
    void ringResumesAfterTorusThenEi() {
        QVERIFY(hop("ring", {"torus", "ei"}, true, 100));
        auto* ring = qobject_cast<as::gui::RingLab*>(lab("ring"))->controller();
        QTest::qWait(200);  // the worker confirms (playingChanged) and does not stop
        QVERIFY(ring->isPlaying());
    }
    void torusResumesAfterRingThenEi() { QVERIFY(hop("torus", {"ring", "ei"}, true, 100)); }
    void eiAndSdeResumeWithTheWorkersAnswering() {
        QVERIFY(hop("ei", {"sde", "torus"}, true, 100));
        QVERIFY(hop("sde", {"ei", "ring"}, true, 100));
        QVERIFY(!hop("ei", {"ring", "sde"}, false, 100));
    }

    // The Surrogate lab follows the same rule (it had its own copy), and its Play button says so.
    void surrogateResumesAndItsButtonSaysSo() {
        QVERIFY(hop("surrogate", {"ring", "ei"}, true, 100));
        auto* s = qobject_cast<as::gui::SurrogateLab*>(lab("surrogate"));
        QCOMPARE(s->playAction()->text(), QStringLiteral("Pause"));
        QVERIFY(s->playAction()->isChecked());
        s->playAction()->trigger();
        QVERIFY(!s->controller()->isPlaying());
        QCOMPARE(s->playAction()->text(), QStringLiteral("Play"));
        QVERIFY(!hop("surrogate", {"generator"}, false, 100));
    }

    void everyLabResumesAfterHopsInAnyOrder() {
        const QStringList labs{"ring", "torus", "ei", "sde", "surrogate"};
        const QStringList all{"ring", "surrogate", "torus", "ei", "sde", "generator"};
        for (const QString& start : labs)
            for (const QString& a : all)
                for (const QString& b : all) {
                    if (a == start || b == start) continue;
                    const QStringList via = a == b ? QStringList{a} : QStringList{a, b};
                    QVERIFY2(hop(start, via, true),
                             qPrintable(start + " did not resume after " + via.join(", ")));
                    QVERIFY2(!hop(start, via, false),
                             qPrintable(start + " started playing after " + via.join(", ")));
                }
    }
};

QTEST_MAIN(TestLabResume)
#include "test_lab_resume.moc"
