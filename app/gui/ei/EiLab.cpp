#include "app/gui/ei/EiLab.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <climits>
#include <cmath>

#include "app/gui/ei/EiController.h"
#include "app/gui/framework/JobButtons.h"
#include "app/gui/framework/ParameterBinding.h"
#include "core/Angles.h"
#include "io/Hdf5Handle.h"
#include "spiking/EiProtocols.h"
#include "spiking/EiSession.h"
#include "widgets/common/TraceChart.h"
#include "widgets/common/VerticalScrollArea.h"
#include "widgets/ei/ConfidenceDecodePlot.h"
#include "widgets/ei/EiProtocolChart.h"
#include "widgets/ei/SpikeRaster.h"

namespace as::gui {

namespace {
const QColor kE(200, 40, 40), kIp(40, 90, 210), kId(30, 150, 70);

std::vector<double> smoothed(const std::vector<double>& x, int half) {
    std::vector<double> y(x.size());
    double s = 0;
    std::size_t lo = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {  // trailing mean over 2 half + 1 samples
        s += x[i];
        if (i - lo + 1 > std::size_t(2 * half + 1)) s -= x[lo++];
        y[i] = s / double(i - lo + 1);
    }
    return y;
}
// Qt Charts must not see NaN (it stalls range computation): drop non-finite points.
void setFinite(as::widgets::TraceChart* chart, int series, const std::vector<double>& x,
               const std::vector<double>& y) {
    std::vector<double> fx, fy;
    fx.reserve(x.size());
    fy.reserve(y.size());
    for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i])) {
            fx.push_back(x[i]);
            fy.push_back(y[i]);
        }
    chart->setSeriesData(series, fx, fy);
}
}  // namespace

EiLab::EiLab(QUndoStack* undo, QWidget* parent)
    : Lab(QStringLiteral("ei"), tr("E-I spiking"), parent, /*playWhenFirstShown=*/true),
      undo_(undo ? undo : new QUndoStack(this)),
      controller_(std::make_unique<EiController>()) {
    bindPlayer(controller_.get());
    buildUi();
    bindControls();
    connect(controller_.get(), &EiController::playingChanged, this,
            [this](bool p) { playAction_->setText(p ? tr("Pause") : tr("Play")); });
    connect(controller_.get(), &EiController::halted, this, [this](const QString& m) {
        emit statusMessage(tr("E-I network stopped: %1").arg(m), 0);
    });
    connect(controller_.get(), &EiController::protocolProgress, this,
            [this](double f) { job_->setFraction(f); });
    connect(controller_.get(), &EiController::protocolFinished, this,
            [this](const QString& text, const QString& csv, bool ok) {
                result_->setPlainText(text);
                protocolChart_->showTable(text.section(' ', 1, 1), csv, text);
                protocolCsv_ = csv;
                if (csv.startsWith("b,beta,lambda0_measured")) showLambda0(csv);
                if (ok) job_->setFraction(1);
                job_->finished();
                emit statusMessage(ok ? tr("Protocol finished") : tr("Protocol stopped"), 4000);
            });
    redraw_ = new QTimer(this);
    redraw_->setInterval(40);  // views at <= 25 Hz
    connect(redraw_, &QTimer::timeout, this, &EiLab::refresh);
    redraw_->start();
    controller_->play();
}

EiLab::~EiLab() = default;

void EiLab::buildUi() {
    auto* bar = addToolBar(tr("E-I network"));
    bar->setObjectName("eiToolbar");
    playAction_ = bar->addAction(tr("Pause"), this, [this] {
        controller_->isPlaying() ? controller_->pause() : controller_->play();
    });
    bar->addAction(tr("Reset"), this, [this] { controller_->reset(params_); });
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Mode ")));
    modeCombo_ = new QComboBox;
    modeCombo_->setObjectName("eiMode");
    modeCombo_->addItems(
        {tr("coupled"), tr("CANN only"), tr("E-INN only"), tr("unbalanced"), tr("fast CANN")});
    modeCombo_->setToolTip(tr("Which synapses the network uses; switches the running network"));
    connect(modeCombo_, &QComboBox::currentIndexChanged, this,
            [this](int i) { setValue("mode", i); });
    bar->addWidget(modeCombo_);
    bumpCheck_ = new QCheckBox(tr("Bump"));
    bumpCheck_->setChecked(true);
    bumpCheck_->setToolTip(
        tr("Localised stimulus on (off: background only, watch the bump persist)"));
    bar->addWidget(bumpCheck_);
    positionSlider_ = new QSlider(Qt::Horizontal);
    positionSlider_->setRange(-180, 180);
    positionSlider_->setValue(0);
    positionSlider_->setMaximumWidth(180);
    positionSlider_->setToolTip(tr("Stimulus position (degrees)"));
    bar->addWidget(positionSlider_);
    // A drag moves the bump live and becomes one undo step when released; keys and clicks on the
    // groove are one step each.
    connect(bumpCheck_, &QCheckBox::toggled, this,
            [this](bool on) { setValue("bump", on ? 1 : 0); });
    connect(positionSlider_, &QSlider::valueChanged, this, [this](int deg) {
        if (positionSlider_->isSliderDown())
            controller_->setBump(bumpCheck_->isChecked(), deg * kPi / 180.0);
        else
            setValue("position_deg", deg);
    });
    connect(positionSlider_, &QSlider::sliderReleased, this,
            [this] { setValue("position_deg", positionSlider_->value()); });
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" N_E ")));
    neSpin_ = new QSpinBox;
    neSpin_->setObjectName("eiNE");
    neSpin_->setRange(80, 20000);
    neSpin_->setSingleStep(200);
    neSpin_->setValue(params_.NE);
    neSpin_->setKeyboardTracking(false);  // one undo step per typed value, not per digit
    neSpin_->setToolTip(
        tr("Excitatory neurons (I_p and I_d: N_E / 8); applies on Reset and to protocols"));
    connect(neSpin_, &QSpinBox::valueChanged, this, [this](int n) { setValue("NE", n); });
    bar->addWidget(neSpin_);

    raster_ = new as::widgets::SpikeRaster;
    rates_ = new as::widgets::TraceChart(tr("Population rates"), tr("t (ms)"), tr("rate (Hz)"));
    rates_->addSeries(tr("E"), kE);
    rates_->addSeries(tr("I_p"), kIp);
    rates_->addSeries(tr("I_d"), kId);
    // A fixed range, widened in 100 Hz steps by refresh(): TraceChart's auto range sets a new range
    // before its tick interval, so a jump from an all-zero trace to tens of Hz builds ~10^5 ticks.
    rates_->setFixedYRange(0, 100);
    decode_ = new as::widgets::ConfidenceDecodePlot;  // Fig. 4A style: R(t) coloured by C(t)
    currents_ = new as::widgets::TraceChart(tr("Currents of the centre E neuron"), tr("t (ms)"),
                                            tr("current"));
    currents_->addSeries(tr("EPSC"), kE, 1.5);
    // "IPSC" alone: a longer legend entry is elided at 1024x700; the tooltip says what it holds.
    currents_->addSeries(tr("IPSC"), kIp, 1.5);
    currents_->addSeries(tr("total"), QColor(60, 60, 60), 2.0);
    currents_->setToolTip(
        tr("EPSC = Omega^E + Gamma^E + I_ext; IPSC = Omega^Id + Gamma^Ip + the "
           "shunting term kappa*SI (see the E-I model page); total = EPSC + IPSC."));
    currents_->setFixedYRange(-20, 20);
    // Fig. 2C on log-log axes (the chart's axes are linear, so it plots log10 of both)
    spectrum_ = new as::widgets::TraceChart(tr("E-rate spectrum (last 1 s)"), tr("log10 f (Hz)"),
                                            tr("log10 P"));
    spectrum_->setObjectName("eiSpectrum");
    spectrum_->addSeries(tr("periodogram"), QColor(230, 150, 150), 1.0);
    spectrum_->addSeries(tr("smoothed"), kE, 2.0);  // short: longer is elided at 1024x700
    spectrum_->setToolTip(
        tr("Periodogram of the mean-removed E population rate in 2 ms bins over the last "
           "1000 ms, recomputed every 200 simulated ms; P in Hz²/Hz, \"smoothed\" is its mean per "
           "1/20 decade. Flat: asynchronous irregular firing."));
    // Three rows (raster, rates, then decode, currents and spectrum side by side), so the lab fits
    // a 1024×700 window in presentation mode too (issue 17).
    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(decode_);
    bottom->addWidget(currents_);
    bottom->addWidget(spectrum_);
    for (int i = 0; i < 3; ++i) bottom->setStretchFactor(i, 1);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(raster_);
    split->addWidget(rates_);
    split->addWidget(bottom);
    for (int i = 0; i < 3; ++i) split->setStretchFactor(i, 1);
    setCentralWidget(split);

    auto* dock = new QDockWidget(tr("Protocols"), this);
    dock->setObjectName("eiProtocols");
    auto* panel = new QWidget;
    auto* v = new QVBoxLayout(panel);
    auto* form = new QFormLayout;
    protocolCombo_ = new QComboBox;
    for (const auto& n : as::eiProtocolNames()) {
        protocolCombo_->addItem(QString::fromStdString(n));
        protocolCombo_->setItemData(protocolCombo_->count() - 1,
                                    QString::fromStdString(as::eiProtocolDescription(n)),
                                    Qt::ToolTipRole);
    }
    protocolCombo_->setCurrentText("persistent");
    form->addRow(tr("Protocol"), protocolCombo_);
    durationSpin_ = new QSpinBox;
    durationSpin_->setObjectName("eiDuration");
    durationSpin_->setRange(0, 100000);
    durationSpin_->setSingleStep(100);
    durationSpin_->setSpecialValueText(tr("default"));
    durationSpin_->setSuffix(tr(" ms"));
    form->addRow(tr("Duration"), durationSpin_);
    v->addLayout(form);
    auto* buttons = new QHBoxLayout;
    job_ = new JobButtons(tr("Run"), this);
    buttons->addWidget(job_->start());
    buttons->addWidget(job_->cancel());
    v->addLayout(buttons);
    v->addWidget(job_->progress());
    result_ = new QPlainTextEdit;
    result_->setReadOnly(true);
    result_->setPlaceholderText(
        tr("Results of the last protocol appear here; File → Export CSV writes its table."));
    v->addWidget(result_, 1);
    lambda_ = new as::widgets::TraceChart(tr("Reduced model: lambda_0(b)"),
                                          tr("b = 2 sqrt(2 pi) a rho beta / g"), tr("lambda_0"));
    lambda_->addSeries(tr("measured"), kE);
    lambda_->addSeries(tr("eq 17"), QColor(120, 120, 120), 1.5);
    lambda_->addSeries(tr("height-mode projection"), kIp, 1.5);
    lambda_->setFixedYRange(0, 0.4);
    lambda_->setToolTip(tr("Run the lambda0 protocol to fill this chart"));
    protocolChart_ = new as::widgets::EiProtocolChart;
    protocolChart_->setObjectName("eiProtocolChart");
    auto* charts = new QTabWidget;
    charts->addTab(protocolChart_, tr("Figure"));
    charts->addTab(lambda_, tr("\u03bb\u2080(b)"));
    v->addWidget(charts, 2);  // the result text gives way first (1024×700, presentation)
    // The panel scrolls when a small window (1024×700, presentation mode) cannot give it its
    // minimum height, as the other labs' docks do.
    dock->setWidget(new as::widgets::VerticalScrollArea(panel));
    addDockWidget(Qt::RightDockWidgetArea, dock);
    resizeDocks({dock}, {300}, Qt::Horizontal);  // the charts get the width
    connect(job_->start(), &QPushButton::clicked, this, &EiLab::runSelectedProtocol);
    connect(job_->cancel(), &QPushButton::clicked, this, [this] { controller_->cancelProtocol(); });
}

void EiLab::runSelectedProtocol() {
    job_->started();
    result_->setPlainText(tr("running %1 …").arg(protocolCombo_->currentText()));
    controller_->runProtocol(protocolCombo_->currentText(), durationSpin_->value(), params_);
}

void EiLab::showLambda0(const QString& csv) {
    std::vector<double> b, measured, eq17, projected;
    const QStringList lines = csv.split('\n', Qt::SkipEmptyParts);
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList c = lines[i].split(',');
        if (c.size() < 5) continue;
        b.push_back(c[0].toDouble());
        measured.push_back(c[2].toDouble());
        eq17.push_back(c[3].toDouble());
        projected.push_back(c[4].toDouble());
    }
    setFinite(lambda_, 0, b, measured);
    setFinite(lambda_, 1, b, eq17);
    setFinite(lambda_, 2, b, projected);
}

// Raw periodogram and its mean over log-spaced bins of 1/20 decade (a smoother curve, as log-log
// spectra are usually shown), both as log10 values.
void EiLab::showSpectrum(const std::vector<double>& freqHz, const std::vector<double>& power) {
    if (freqHz.empty() || (freqHz == spectrumHz_ && power == spectrumPower_)) return;
    spectrumHz_ = freqHz;
    spectrumPower_ = power;
    std::vector<double> lf, lp, bf, bp;
    double sumF = 0, sumP = 0;
    int n = 0, bin = INT_MIN;
    auto flush = [&] {
        if (n > 0 && sumP > 0) {
            bf.push_back(std::log10(sumF / n));
            bp.push_back(std::log10(sumP / n));
        }
        sumF = sumP = 0;
        n = 0;
    };
    for (std::size_t i = 0; i < freqHz.size() && i < power.size(); ++i) {
        if (!(freqHz[i] > 0) || !(power[i] > 0)) continue;
        lf.push_back(std::log10(freqHz[i]));
        lp.push_back(std::log10(power[i]));
        const int b = int(std::floor(20 * lf.back()));
        if (b != bin) flush();
        bin = b;
        sumF += freqHz[i];
        sumP += power[i];
        ++n;
    }
    flush();
    setFinite(spectrum_, 0, lf, lp);
    setFinite(spectrum_, 1, bf, bp);
}

QString EiLab::resultText() const {
    return result_->toPlainText();
}
void EiLab::setProtocol(const QString& name) {
    protocolCombo_->setCurrentText(name);
}
void EiLab::refresh() {
    quint64 serial = 0;
    const auto s = controller_->latest(&serial);
    if (!s || serial == lastSerial_) return;
    lastSerial_ = serial;
    std::vector<as::widgets::SpikeRaster::Population> pops;
    const char* names[] = {"E", "Ip", "Id"};
    const QColor colours[] = {kE, kIp, kId};
    for (int p = 0; p < 3; ++p)
        pops.push_back({names[p], s->sizes[p], colours[p], s->spikeTimes[p], s->spikeIds[p]});
    raster_->setData(std::max(0.0, s->t - 1000.0), std::max(1000.0, s->t), std::move(pops));
    double top = 0;
    for (const auto* r : {&s->rateE, &s->rateIp, &s->rateId})
        for (double x : smoothed(*r, 10)) top = std::isfinite(x) ? std::max(top, x) : top;
    const double want = 100.0 * std::ceil(std::max(top, 1.0) / 100.0);
    if (want != ratesTop_) {
        ratesTop_ = want;
        rates_->setFixedYRange(0, want);
    }
    setFinite(rates_, 0, s->tt, smoothed(s->rateE, 10));
    setFinite(rates_, 1, s->tt, smoothed(s->rateIp, 10));
    setFinite(rates_, 2, s->tt, smoothed(s->rateId, 10));
    std::vector<double> stim(s->stimulus.size());
    for (std::size_t i = 0; i < stim.size(); ++i) stim[i] = std::remainder(s->stimulus[i], 2 * kPi);
    decode_->setData(s->tt, s->decoded, stim, s->confidence);
    setFinite(currents_, 0, s->tt, s->probeEpsc);
    setFinite(currents_, 1, s->tt, s->probeIpsc);
    setFinite(currents_, 2, s->tt, s->probeTotal);
    showSpectrum(s->spectrumHz, s->spectrumPower);
    std::size_t n = 0;
    for (const auto& t : s->spikeTimes) n += t.size();
    statusLabel()->setText(
        tr("t = %1 ms   %2 sim-ms/s   %3 spikes/s   mode %4")
            .arg(s->t, 0, 'f', 0)
            .arg(s->simMsPerSecond, 0, 'f', 0)
            .arg(double(n) / std::min(1.0, std::max(s->t, 1.0) / 1000.0), 0, 'f', 0)
            .arg(as::eiModeName(s->params.mode)));
}

std::vector<std::pair<QString, QWidget*>> EiLab::exportTargets() {
    return {{tr("E-I lab"), this},        {tr("Raster"), raster_},
            {tr("Rates"), rates_},        {tr("Decode"), decode_},
            {tr("Currents"), currents_},  {tr("Spectrum"), spectrum_},
            {tr("lambda_0(b)"), lambda_}, {tr("Protocol figure"), protocolChart_}};
}

// The protocol's table (or the live traces) to `path`, and the spectrum shown to a sibling file
// <name>-spectrum.csv (its rows are frequencies, not times).
QString EiLab::exportCsv(const QString& path) {
    if (!spectrumHz_.empty()) {
        const QFileInfo fi(path);
        QFile sf(fi.dir().filePath(fi.completeBaseName() + "-spectrum." +
                                   (fi.suffix().isEmpty() ? "csv" : fi.suffix())));
        if (!sf.open(QIODevice::WriteOnly | QIODevice::Text))
            return tr("cannot write %1").arg(sf.fileName());
        QTextStream out(&sf);
        out << "f_hz,power_hz2_per_hz\n";
        for (std::size_t i = 0; i < spectrumHz_.size() && i < spectrumPower_.size(); ++i)
            out << spectrumHz_[i] << ',' << spectrumPower_[i] << '\n';
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text)) return tr("cannot write %1").arg(path);
    QTextStream out(&f);
    if (!protocolCsv_.isEmpty()) {  // the last protocol's table
        out << protocolCsv_;
        return {};
    }
    const auto s = controller_->latest();
    out << "t_ms,stimulus_rad,decoded_rad,confidence,rate_E_hz,rate_Ip_hz,rate_Id_hz\n";
    for (std::size_t i = 0; s && i < s->tt.size(); ++i)
        out << s->tt[i] << ',' << s->stimulus[i] << ',' << s->decoded[i] << ',' << s->confidence[i]
            << ',' << s->rateE[i] << ',' << s->rateIp[i] << ',' << s->rateId[i] << '\n';
    return {};
}

void EiLab::setDark(bool dark) {
    raster_->setDark(dark);
    rates_->setDark(dark);
    decode_->setDark(dark);
    currents_->setDark(dark);
    lambda_->setDark(dark);
    spectrum_->setDark(dark);
    protocolChart_->setDark(dark);
}

void EiLab::writeSession(hid_t root) {
    const auto s = controller_->latest();
    as::EiSessionState st;
    st.params = params_;
    st.protocol = protocolCombo_->currentText().toStdString();
    st.timeMs = s ? s->t : 0.0;
    as::writeEiGroup(root, st);
}

std::function<void()> EiLab::prepareLoad(hid_t root) {
    if (!as::h5::hasChild(root, "ei")) return [this] { resetToDefaults(); };
    const as::EiSessionState st = as::readEiGroup(root);
    return [this, st] {
        applyParams(st.params);
        protocolCombo_->setCurrentText(QString::fromStdString(st.protocol));
        undo_->clear();  // the edits were made to the network just replaced
    };
}

void EiLab::resetToDefaults() {
    applyParams(as::EiParams{});
    binding_->apply("bump", 1);
    binding_->apply("position_deg", 0);
    result_->clear();
    protocolCsv_.clear();
    undo_->clear();  // the edits were made to the network just replaced
}

}  // namespace as::gui
