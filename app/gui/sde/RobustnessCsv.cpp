#include "app/gui/sde/RobustnessCsv.h"

#include <QObject>
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "data/Corruptions.h"

namespace as::gui::RobustnessCsv {

QStringList columnKeys() {
    QStringList keys{QString::fromLatin1(as::data::corruptionKey(as::data::Corruption::Clean))};
    for (auto c : as::data::tableCorruptions())
        keys << QString::fromLatin1(as::data::corruptionKey(c));
    return keys;
}

QString columnLabel(const QString& key) {
    // The paper's Table 1 headers: short, so nine columns fit.
    if (key == "clean") return QStringLiteral("MNIST");
    if (key == "gauss05") return QStringLiteral("\u03c3 = 0.5");
    if (key == "gauss08") return QStringLiteral("\u03c3 = 0.8");
    try {
        return QString::fromUtf8(
            as::data::corruptionLabel(as::data::corruptionFromKey(key.toStdString())));
    } catch (const std::exception&) {
        return key;
    }
}

QString columnToolTip(const QString& key) {
    try {
        const auto c = as::data::corruptionFromKey(key.toStdString());
        return c == as::data::Corruption::Clean
                   ? QObject::tr("The MNIST test digits, uncorrupted")
                   : QObject::tr("%1 (MNIST-C style, key '%2')")
                         .arg(QString::fromUtf8(as::data::corruptionLabel(c)), key);
    } catch (const std::exception&) {
        return key;
    }
}

QString modelLabel(const QString& model) {
    if (model == "eps0") return QStringLiteral("\u03b5 = 0");
    if (model == "eps005") return QStringLiteral("\u03b5 = 0.05, G = I");
    if (model == "eps01") return QStringLiteral("\u03b5 = 0.1, G = I");
    if (model == "gtrained") return QStringLiteral("G trained");
    if (model == "eps0_5ep") return QStringLiteral("\u03b5 = 0, 5 epochs (lr decay)");
    if (model == "eps0_8ep") return QStringLiteral("\u03b5 = 0, 8 epochs (lr decay)");
    if (model == "geps1") return QStringLiteral("G trained from \u03b5 = 1");
    if (model == "eps0_shift") return QStringLiteral("\u03b5 = 0, 8 epochs, \u00b11 px shifts");
    return model;
}

namespace {
QString fromStd(const std::string& s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
std::string toStd(const QString& s) {
    const QByteArray b = s.toUtf8();
    return std::string(b.constData(), std::size_t(b.size()));
}
}  // namespace

QStringList splitLine(const QString& line) {
    QStringList fields;
    for (const std::string& f : as::sde::splitCsvLine(toStd(line))) fields << fromStd(f);
    return fields;
}

QString parse(const QString& text, const QString& source, std::vector<RobustnessRecord>& out,
              const QString& modelName) {
    out.clear();
    std::vector<as::sde::RobustnessRecord> records;
    const std::string error =
        as::sde::parseRobustnessCsv(toStd(text), toStd(source), records, toStd(modelName));
    if (!error.empty()) return fromStd(error);
    out = fromEngine(records);
    return {};
}

QString format(const std::vector<RobustnessRecord>& records) {
    return fromStd(as::sde::formatRobustnessCsv(toEngine(records)));
}

std::vector<as::sde::RobustnessRecord> toEngine(const std::vector<RobustnessRecord>& records) {
    std::vector<as::sde::RobustnessRecord> rows;
    rows.reserve(records.size());
    for (const auto& r : records)
        rows.push_back({toStd(r.model), toStd(r.corruption), r.seed, r.accuracy, r.n});
    return rows;
}

std::vector<RobustnessRecord> fromEngine(const std::vector<as::sde::RobustnessRecord>& records) {
    std::vector<RobustnessRecord> out;
    out.reserve(records.size());
    for (const auto& r : records)
        out.push_back({fromStd(r.model), fromStd(r.corruption), r.seed, r.accuracy, r.n});
    return out;
}

QStringList models(const std::vector<RobustnessRecord>& records) {
    QStringList m;
    for (const auto& r : records)
        if (!m.contains(r.model)) m << r.model;
    return m;
}

RobustnessCell cell(const std::vector<RobustnessRecord>& records, const QString& model,
                    const QString& corruption) {
    RobustnessCell c;
    double sum = 0, sum2 = 0;
    for (const auto& r : records)
        if (r.model == model && r.corruption == corruption) {
            ++c.runs;
            sum += 100.0 * r.accuracy;
            sum2 += 1e4 * r.accuracy * r.accuracy;
            c.n = std::max(c.n, r.n);
        }
    if (c.runs == 0) return c;
    c.mean = sum / c.runs;
    c.std = c.runs > 1 ? std::sqrt(std::max(0.0, (sum2 - c.runs * c.mean * c.mean) / (c.runs - 1)))
                       : 0.0;
    return c;
}

QString cellText(const RobustnessCell& c) {
    if (c.runs == 0) return {};
    if (c.runs == 1) return QString::number(c.mean, 'f', 2);
    return QStringLiteral("%1 \u00b1 %2").arg(c.mean, 0, 'f', 2).arg(c.std, 0, 'f', 2);
}

const std::vector<PaperRow>& paperTable() {
    // seed 002, Table 1 (accuracy %, mean ± std over runs; 1000s of test images, MNIST-C).
    static const std::vector<PaperRow> rows = [] {
        struct Raw {
            const char* label;
            double v[18];
        };
        const Raw raw[] = {
            {"paper: \u03b5 = 0",
             {98.58, 0.30, 28.01, 0.23, 16.30, 0.27, 94.97, 0.23, 60.38, 0.25, 93.32, 0.24, 82.77,
              0.21, 24.47, 0.24, 45.87, 0.22}},
            {"paper: \u03b5 = 0.05, G = I",
             {98.76, 0.28, 43.60, 0.23, 23.14, 0.29, 96.89, 0.25, 73.50, 0.31, 93.35, 0.26, 82.69,
              0.30, 25.82, 0.31, 48.96, 0.26}},
            {"paper: \u03b5 = 0.1, G = I",
             {98.68, 0.26, 50.40, 0.23, 30.70, 0.24, 96.97, 0.23, 80.62, 0.32, 93.59, 0.22, 82.22,
              0.46, 30.52, 0.25, 50.01, 0.31}},
            {"paper: G trained",
             {99.08, 0.06, 80.02, 0.08, 51.00, 0.09, 98.32, 0.13, 94.41, 0.12, 95.98, 0.17, 84.84,
              0.17, 54.24, 0.20, 59.72, 0.19}},
        };
        std::vector<PaperRow> out;
        for (const Raw& r : raw) {
            PaperRow row{QString::fromUtf8(r.label), {}};
            for (int c = 0; c < 9; ++c) row.cells.push_back({r.v[2 * c], r.v[2 * c + 1], 2, 0});
            out.push_back(row);
        }
        return out;
    }();
    return rows;
}

}  // namespace as::gui::RobustnessCsv
