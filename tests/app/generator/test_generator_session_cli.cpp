// A session the Generator lab saved opens in the CLI (issue 13: every lab's session is readable by
// attractor-cli): `generator --session` draws the session's gallery from its model with its seed,
// images per class and centre; `generator langevin --session` takes its chain settings; a damaged
// copy is refused naming the file.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "app/gui/generator/GeneratorController.h"
#include "app/gui/generator/GeneratorLab.h"
#include "io/SessionFile.h"
#include "tests/app/CliRunner.h"

using as::gui::GeneratorLab;

class TestGeneratorSessionCli : public QObject {
    Q_OBJECT
    QUndoStack undo_;
    std::unique_ptr<GeneratorLab> lab_;

  private slots:
    void initTestCase() {
        lab_ = std::make_unique<GeneratorLab>(&undo_);
        QVERIFY(lab_->model() != nullptr);
    }

    void savedSessionDrawsItsGalleryInTheCli() {
        QVERIFY(lab_->requestEdit("seed", 5));
        QVERIFY(lab_->requestEdit("per_class", 3));
        QVERIFY(lab_->requestEdit("centre", 1));
        QVERIFY(lab_->requestEdit("langevin_steps", 50));
        QVERIFY(lab_->requestEdit("langevin_target_scale", 0.1));
        QTemporaryDir dir;
        const QString path = dir.filePath("gui_generator.h5");
        {
            as::SessionWriter w(path.toStdString(), "generator");
            w.write([&](hid_t root) { lab_->writeSession(root); });
            w.commit();
        }
        const as::test::CliRun r =
            as::test::runCli({"generator", "--session", path, "--out", dir.filePath("g.h5")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.stderrText));
        QCOMPARE(r.summary["action"].toString(), QString("sample"));
        QCOMPARE(r.summary["seed"].toInt(), 5);
        QCOMPARE(r.summary["per_class"].toInt(), 3);
        QCOMPARE(r.summary["centre"].toString(), QString("mean"));
        QCOMPARE(r.summary["count"].toInt(), 3 * lab_->model()->classes());
        QCOMPARE(r.summary["session"].toString(), path);
        // The Langevin settings too; the command line still overrides (--every).
        const as::test::CliRun l = as::test::runCli(
            {"generator", "langevin", "--session", path, "--from", "1", "--every", "5"});
        QVERIFY2(l.exitCode == 0, qPrintable(l.stderrText));
        QCOMPARE(l.summary["steps"].toInt(), 50);
        QCOMPARE(l.summary["every"].toInt(), 5);
        QCOMPARE(l.summary["target_scale"].toDouble(), 0.1);

        // One byte changed in the middle of the file: refused, the file named, nothing drawn.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 middle = f.size() / 2;
        QVERIFY(f.seek(middle));
        char c = 0;
        QVERIFY(f.getChar(&c));
        QVERIFY(f.seek(middle));
        QVERIFY(f.putChar(char(c ^ 0x5a)));
        f.close();
        const as::test::CliRun bad = as::test::runCli({"generator", "--session", path});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.stderrText.contains("gui_generator.h5"), qPrintable(bad.stderrText));
    }

    void cleanupTestCase() { lab_.reset(); }
};

QTEST_MAIN(TestGeneratorSessionCli)
#include "test_generator_session_cli.moc"
