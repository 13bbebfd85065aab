#include "app/gui/shell/StartupOptions.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <cstdio>

#include "app/gui/framework/GuidedTour.h"
#include "app/gui/framework/Lab.h"
#include "app/gui/ring/RingController.h"
#include "app/gui/shell/MainWindow.h"
#include "app/gui/torus/TorusController.h"
#include "widgets/ring/RingView.h"

namespace as::gui {

QString StartupOptions::parse(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription("Attractor Studio: explore continuous attractor neural networks.");
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument("session", "Session file (.h5) to open.", "[session.h5]");
    QCommandLineOption noPlay("no-play", "Do not start playing.");
    QCommandLineOption themeOpt("theme", "Colour theme: light or dark.", "theme");
    QCommandLineOption set("set",
                           "Set a parameter of the --lab lab (else the session's), e.g. N=4096 or "
                           "protocol=noisy; keys as attractor-cli <lab> --list-params.",
                           "key=value");
    QCommandLineOption shot("screenshot", "Render the main window to a PNG and quit.", "file.png");
    QCommandLineOption after("after-ms", "Delay before --screenshot (ms, default 3000).", "ms",
                             "3000");
    QCommandLineOption statsOpt("stats",
                                "Print time, steps/s and frames/s once a second to stderr.");
    QCommandLineOption spf("steps-per-frame", "Simulation steps per worker tick.", "n", "0");
    QCommandLineOption labOpt(
        "lab",
        "Open on this lab's tab: ring, surrogate, ei, torus, hd2d (the Torus "
        "lab's head-direction page), sde, generator or generator-<page> "
        "(gallery, reconstruct, langevin, latent, interpolate, noise, train).",
        "id");
    QCommandLineOption sizeOpt("size",
                               "Window size in pixels, e.g. 1024x700 (screenshots of a small "
                               "screen); default: the last session's.",
                               "WxH");
    QCommandLineOption tourOpt("tour", "Start the lab's guided tour at step n (from 1).", "n");
    QCommandLineOption presentOpt("presentation",
                                  "Presentation mode: large fonts for a projector.");
    QCommandLineOption recordOpt(
        "record",
        "Torus lab (--lab torus or hd2d): record the page as an H.264 video (a .mp4 file), an "
        "animated GIF (a .gif file) or numbered PNGs (a folder), then quit.",
        "file.mp4|file.gif|dir");
    QCommandLineOption recordFramesOpt("record-frames", "Frames for --record (default 100).", "n",
                                       "100");
    QCommandLineOption figureOpt(
        "figure",
        "Render a paper figure headless (offscreen, no window) into --out, then quit; 'list' "
        "names every figure with the paper figure it reproduces. --set applies to its lab.",
        "name|list");
    QCommandLineOption outOpt("out", "The --figure file: .png, .svg or .pdf.", "file");
    p.addOptions({noPlay, themeOpt, set, shot, after, statsOpt, spf, labOpt, sizeOpt, tourOpt,
                  presentOpt, recordOpt, recordFramesOpt, figureOpt, outOpt});
    p.process(args);  // exits on --help / --version / unknown options
    if (p.positionalArguments().size() > 1) return "at most one session file";
    session = p.positionalArguments().value(0);
    play = !p.isSet(noPlay);
    theme = p.value(themeOpt);
    if (!theme.isEmpty() && theme != "light" && theme != "dark")
        return "--theme must be light or dark";
    sets = p.values(set);
    screenshot = p.value(shot);
    bool ok = true;
    afterMs = p.value(after).toInt(&ok);
    if (!ok || afterMs < 0) return "--after-ms must be a non-negative integer";
    stats = p.isSet(statsOpt);
    stepsPerFrame = p.value(spf).toInt(&ok);
    if (!ok || stepsPerFrame < 0) return "--steps-per-frame must be a positive integer";
    lab = p.value(labOpt);
    if (p.isSet(sizeOpt)) {
        const QStringList wh = p.value(sizeOpt).split('x');
        bool okW = false, okH = false;
        if (wh.size() == 2) size = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
        if (!okW || !okH || size.width() < 200 || size.height() < 150)
            return "--size must be WxH in pixels, at least 200x150 (e.g. 1024x700)";
    }
    if (p.isSet(tourOpt)) {
        tourStep = p.value(tourOpt).toInt(&ok);
        if (!ok || tourStep < 1) return "--tour must be a step number from 1";
    }
    presentation = p.isSet(presentOpt);
    record = p.value(recordOpt);
    recordFrames = p.value(recordFramesOpt).toInt(&ok);
    if (!ok || recordFrames < 1) return "--record-frames must be a positive integer";
    figure = p.value(figureOpt);
    figureOut = p.value(outOpt);
    if (p.isSet(figureOpt) && figure.isEmpty()) return "--figure needs a name (or list)";
    if (!figure.isEmpty() && figure != "list" && figureOut.isEmpty())
        return "--figure " + figure + " needs --out file.png|svg|pdf";
    if (!figureOut.isEmpty() && figure.isEmpty()) return "--out is the file of --figure";
    return {};
}

int StartupOptions::apply(MainWindow& w) const {
    if (!theme.isEmpty()) w.setDarkTheme(theme == "dark");
    if (presentation) w.setPresentationMode(true);
    if (size.isValid()) w.resize(size);  // (no larger than the screen; no smaller than the minimum)
    if (!play)  // before a session may show a lab that plays when first shown
        for (Lab* l : w.labs()) l->setPlayWhenFirstShown(false);
    if (session.isEmpty()) {
        w.openDefaultSession();
    } else if (QString err = w.openFile(session, true); !err.isEmpty()) {
        fprintf(stderr, "attractor-studio: %s\n", qPrintable(err));
        return 1;
    }
    // --set goes to the lab named by --lab (or a part of one: "hd2d" is the Torus lab's second
    // page), else to the lab the session opened on. The overrides are applied before that lab is
    // shown (and starts playing), and are the starting point, not undo steps.
    Lab* target = w.currentLab();
    QString section = target ? target->labId() : QString();
    if (!this->lab.isEmpty()) {
        target = nullptr;
        section = this->lab;
        const auto& labs = w.labs();
        for (Lab* l : labs)
            if (l->labId() == this->lab) target = l;
        for (Lab* l : labs)
            if (!target && l->showSection(this->lab)) target = l;
        if (!target) {
            fprintf(stderr, "attractor-studio: no lab '%s'\n", qPrintable(this->lab));
            return 2;
        }
    }
    for (const QString& kv : sets) {
        if (!kv.contains('=')) {
            fprintf(stderr, "attractor-studio: --set %s: expected key=value\n", qPrintable(kv));
            return 2;
        }
        const QString key = kv.section('=', 0, 0).trimmed();
        const QString val = kv.section('=', 1).trimmed();
        if (const QString err = target->applySetting(section, key, val); !err.isEmpty()) {
            fprintf(stderr, "attractor-studio: %s\n", qPrintable(err));
            return 2;
        }
    }
    if (!sets.isEmpty()) w.undoStack()->clear();
    if (stepsPerFrame > 0 && !target->setStepsPerFrame(stepsPerFrame)) {
        fprintf(stderr, "attractor-studio: lab '%s' has no steps per frame\n", qPrintable(section));
        return 2;
    }
    if (play) target->play();
    if (!this->lab.isEmpty()) w.showLab(this->lab);
    if (!record.isEmpty()) {
        if (!target->canRecord()) {
            fprintf(
                stderr,
                "attractor-studio: lab '%s' cannot record (--record needs --lab torus or hd2d)\n",
                qPrintable(section));
            return 2;
        }
        QObject::connect(target, &Lab::recordingFinished, &w, [target] {
            fprintf(stderr, "recorded %d frames\n", target->recordedFrames());
            QApplication::exit(0);
        });
        if (!target->startRecording(record, recordFrames)) {
            fprintf(stderr, "attractor-studio: cannot record into %s\n", qPrintable(record));
            return 1;
        }
    }
    if (tourStep > 0) {
        if (!w.startTour()) {
            fprintf(stderr, "attractor-studio: this lab has no guided tour\n");
            return 2;
        }
        for (int i = 1; i < tourStep; ++i) w.tour()->next();
    }
    if (stats) {
        auto* t = new QTimer(&w);
        QObject::connect(t, &QTimer::timeout, &w, [&w] {
            const QString line = w.currentLab() ? w.currentLab()->statsLine() : QString();
            if (!line.isEmpty()) fprintf(stderr, "%s\n", qPrintable(line));
        });
        t->start(1000);
    }
    if (!screenshot.isEmpty()) {
        const QString out = screenshot;
        QTimer::singleShot(afterMs, &w, [&w, out] {
            QImage img(w.size(), QImage::Format_ARGB32);
            img.fill(Qt::transparent);
            w.render(&img);
            const bool ok = img.save(out, "PNG");
            fprintf(stderr, "%s %s\n", ok ? "screenshot written:" : "could not write",
                    qPrintable(out));
            QApplication::exit(ok ? 0 : 1);
        });
    }
    return 0;
}

}  // namespace as::gui
