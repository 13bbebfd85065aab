#include "dialogs/AboutDialog.h"

#include <QMessageBox>
#include <QObject>

namespace as::gui {

void showAboutDialog(QWidget* parent) {
    QMessageBox::about(
        parent, QObject::tr("About Attractor Studio"),
        QObject::tr(
            "<h3>Attractor Studio %1</h3>"
            "<p>Interactive exploration of attractor dynamics in neural networks: "
            "continuous attractor networks on rings and tori, E-I balanced spiking CANNs, "
            "learned surrogates and stochastic classifiers.</p>"
            "<p>Licence: GPL-3.0-or-later (it links FFTW, which is GPL).</p>"
            "<p>Built on three papers:</p><ol>"
            "<li>Mo Lingfei, Zhangyu Ge: <i>Continuous Attractor Neural Network Dynamics "
            "Representation Learning Method Based on Artificial Neural Networks</i> (2026).</li>"
            "<li>X. Lin, L. Li, B. Shi, T. Huang, Y. Mi, S. Wu: <i>Slow and Weak Attractor "
            "Computation Embedded in Fast and Strong E-I Balanced Neural Dynamics</i>.</li>"
            "<li>S. Gagliani, F. G. Pacifico, L. Chicchi, D. Fanelli, D. Febbe, L. Buffoni, "
            "R. Marino: <i>Train Stochastic Non Linear Coupled ODEs to Classify and "
            "Generate</i>.</li></ol>"
            "<p>Ring model after Wu, Hamaguchi &amp; Amari (2008).</p>")
            .arg(AS_VERSION));
}

}  // namespace as::gui
