#pragma once
// Runs the built attractor-cli (AS_CLI_PATH, set by tests/app/CMakeLists.txt) from a GUI test, for
// the checks that a file the GUI saved opens in the CLI. Header-only.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace as::test {

struct CliRun {
    int exitCode = -1;
    QString stderrText;
    QJsonObject summary;  ///< the JSON object on the last stdout line (empty if there is none)
};

inline CliRun runCli(const QStringList& args, int timeoutMs = 60000) {
    CliRun r;
    QProcess p;
    p.start(QStringLiteral(AS_CLI_PATH), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.stderrText = QStringLiteral("attractor-cli did not finish");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.stderrText = QString::fromUtf8(p.readAllStandardError());
    const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
    r.summary = QJsonDocument::fromJson(lines.last()).object();
    return r;
}

}  // namespace as::test
