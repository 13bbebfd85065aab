#include "widgets/ei/EiProtocolChart.h"

#include <QLabel>
#include <QVBoxLayout>
#include <cmath>

#include "widgets/common/TraceChart.h"

namespace as::widgets {

namespace {

/// Which columns of a protocol's table make its figure (log: both axes as log10).
struct Plot {
    QString figure, x, xTitle;
    QStringList ys;
    QString yTitle;
    bool log = false;
};

const std::map<QString, Plot>& plots() {
    static const std::map<QString, Plot> m{
        {"irregular",
         {"Fig. 2C", "freq_hz", "log10 f (Hz)", {"power"}, "log10 P (Hz\u00b2/Hz)", true}},
        {"response", {"Fig. 2D", "t", "t (ms)", {"rate_E", "rate_E_unbalanced"}, "rate E (Hz)"}},
        {"persistent",
         {"Fig. 3A", "t", "t (ms)", {"stimulus_on", "magnitude", "confidence"}, "normalised"}},
        {"tracking", {"Fig. 3B", "t", "t (ms)", {"stimulus", "decoded"}, "position (rad)"}},
        {"fastcann",
         {"Fig. 3C", "t", "t (ms)", {"stimulus_on", "magnitude", "confidence"}, "normalised"}},
        {"size", {"Fig. 3D", "NE", "N_E", {"persistent", "decode_error_rad"}, "1 = persists; rad"}},
        {"readout",
         {"Fig. 4A", "t", "t (ms)", {"decode_sd", "decode_sd_cann"}, "SD of the decode (rad)"}},
        {"jump",
         {"Fig. 4B", "t", "t (ms)", {"stimulus", "decoded", "decoded_cann"}, "position (rad)"}},
        {"lag",
         {"Fig. 4C", "lag_rad", "tracking lag (rad)", {"density", "density_cann"}, "density"}},
        {"balance",
         {"Fig. 4D", "NE", "N_E", {"total", "total_einn"}, "total input, centre neuron"}},
        {"currents",
         {"Fig. 5B-C", "t", "t (ms)", {"ei_ratio", "ei_ratio_cann"}, "E/I ratio of the neuron"}},
        {"lambda0", {"Fig. 1F", "b", "b", {"lambda0_measured", "lambda0_eq17"}, "lambda_0"}},
    };
    return m;
}

const QColor kColours[] = {QColor(40, 40, 40),  QColor(200, 40, 40),  QColor(40, 90, 210),
                           QColor(30, 150, 70), QColor(230, 130, 20), QColor(130, 60, 170)};

}  // namespace

EiProtocolChart::EiProtocolChart(QWidget* parent) : QWidget(parent) {
    layout_ = new QVBoxLayout(this);
    layout_->setContentsMargins(0, 0, 0, 0);
    caption_ = new QLabel(tr("Run a protocol to draw its figure."));
    caption_->setWordWrap(true);
    caption_->setObjectName("eiProtocolCaption");
    rebuild(tr("Last protocol"), tr("t (ms)"), QString());
    layout_->addWidget(caption_);
}

void EiProtocolChart::rebuild(const QString& title, const QString& xTitle, const QString& yTitle) {
    auto* next = new TraceChart(title, xTitle, yTitle);
    next->setDark(dark_);
    next->setMinimumHeight(160);
    if (chart_) {
        layout_->replaceWidget(chart_, next);
        delete chart_;
    } else {
        layout_->addWidget(next, 1);
    }
    chart_ = next;
}

void EiProtocolChart::showTable(const QString& protocol, const QString& csv,
                                const QString& summary) {
    protocol_ = protocol;
    columns_.clear();
    const QStringList lines = csv.split('\n', Qt::SkipEmptyParts);
    const QStringList header = lines.value(0).split(',');
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].split(',');
        for (int c = 0; c < header.size() && c < cells.size(); ++c)
            columns_[header[c]].push_back(cells[c].toDouble());
    }
    QStringList values;
    for (const QString& line : summary.split('\n', Qt::SkipEmptyParts))
        if (line.contains(" = ")) values << line.trimmed();
    // The caption names the first few values (a long list would squeeze the chart in a small
    // window); its tooltip, and the lab's result text, have them all.
    constexpr int kShown = 3;
    QString caption = tr("%1: %2").arg(protocol, values.mid(0, kShown).join(";  "));
    if (values.size() > kShown)
        caption += tr(";  and %1 more (tooltip)").arg(values.size() - kShown);
    caption_->setText(caption);
    caption_->setToolTip(values.join('\n'));
    const auto it = plots().find(protocol);
    if (it != plots().end()) showColumns(it->second.x, it->second.ys, it->second.yTitle);
}

bool EiProtocolChart::showColumns(const QString& x, const QStringList& ys, const QString& yTitle) {
    if (!columns_.count(x)) return false;
    for (const QString& y : ys)
        if (!columns_.count(y)) return false;
    const auto it = plots().find(protocol_);
    const bool log = it != plots().end() && it->second.log;
    const QString figure = it != plots().end() ? it->second.figure : QString();
    const QString xTitle = it != plots().end() && it->second.x == x ? it->second.xTitle : x;
    rebuild(tr("Protocol %1 (seed 001 %2)").arg(protocol_, figure), xTitle, yTitle);
    for (int s = 0; s < ys.size(); ++s) {
        chart_->addSeries(ys[s], kColours[s % 6], s == 0 ? 1.5 : 2.0);
        std::vector<double> fx, fy;  // Qt Charts must not see NaN: finite points only
        const auto& cx = columns_.at(x);
        const auto& cy = columns_.at(ys[s]);
        for (std::size_t i = 0; i < std::min(cx.size(), cy.size()); ++i) {
            double a = cx[i], b = cy[i];
            if (log) {
                if (!(a > 0) || !(b > 0)) continue;
                a = std::log10(a);
                b = std::log10(b);
            }
            if (std::isfinite(a) && std::isfinite(b)) {
                fx.push_back(a);
                fy.push_back(b);
            }
        }
        chart_->setSeriesData(s, fx, fy);
    }
    return true;
}

void EiProtocolChart::setDark(bool dark) {
    dark_ = dark;
    chart_->setDark(dark);
}

}  // namespace as::widgets
