#pragma once
// The E-I lab's last protocol as a chart: the columns of the protocol's table that make its paper
// figure (jump: stimulus and the decode of the coupled network and of the CANN alone, Fig. 4B;
// balance: the centre neuron's total input against N_E, Fig. 4D; ...), with the protocol's
// measured values as a caption underneath. Only what the protocol computed is drawn.
#include <QString>
#include <QStringList>
#include <QWidget>
#include <map>
#include <vector>

class QLabel;
class QVBoxLayout;

namespace as::widgets {

class TraceChart;

class EiProtocolChart : public QWidget {
    Q_OBJECT
  public:
    explicit EiProtocolChart(QWidget* parent = nullptr);
    /// A finished protocol: its name, its table (CSV with a header line) and its summary (the
    /// result panel's text; lines "key = value" become the caption).
    void showTable(const QString& protocol, const QString& csv, const QString& summary);
    /// Draws other columns of the same table (x column, y columns, y-axis title); false if one of
    /// them is not in the table.
    bool showColumns(const QString& x, const QStringList& ys, const QString& yTitle);
    QString protocol() const { return protocol_; }
    TraceChart* chart() const { return chart_; }
    void setDark(bool dark);

  private:
    void rebuild(const QString& title, const QString& xTitle, const QString& yTitle);

    QString protocol_;
    std::map<QString, std::vector<double>> columns_;  ///< the table, by column name
    bool dark_ = false;
    QVBoxLayout* layout_ = nullptr;
    TraceChart* chart_ = nullptr;
    QLabel* caption_ = nullptr;
};

}  // namespace as::widgets
