#pragma once
// The base of the hand-painted plots and views (QPainter only, so they draw offscreen too): a title
// and a light or dark look, each repainting the widget when set. A subclass reads title() and
// isDark() (or title_ and dark_) in its paintEvent; where it has no title, the title stays empty.
#include <QString>
#include <QWidget>

namespace as::widgets {

class PlotWidget : public QWidget {
    Q_OBJECT
  public:
    explicit PlotWidget(QWidget* parent = nullptr) : QWidget(parent) {}
    PlotWidget(const QString& title, QWidget* parent) : QWidget(parent), title_(title) {}

    void setTitle(const QString& title) {
        title_ = title;
        update();
    }
    const QString& title() const { return title_; }
    void setDark(bool dark) {
        dark_ = dark;
        update();
    }
    bool isDark() const { return dark_; }

  protected:
    QString title_;
    bool dark_ = false;
};

}  // namespace as::widgets
