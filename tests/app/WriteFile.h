#pragma once
// Writes `bytes` to `path` (a damaged or foreign file for a test to open); false if it cannot.
// Header-only.
#include <QByteArray>
#include <QFile>
#include <QString>

namespace as::test {

inline bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

}  // namespace as::test
