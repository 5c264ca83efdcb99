#pragma once
#include <QWidget>

class QLabel;
class QPushButton;

namespace bksdm {

// In place of the image while no model is loaded: says so, where models are looked for, and offers
// "Add folder…".
class NoModelPanel : public QWidget {
  Q_OBJECT

 public:
  explicit NoModelPanel(QWidget* parent = nullptr);

  // A line under the title, e.g. why the last load failed.
  void setDetail(const QString& text);
  QString detail() const;
  QPushButton* addButton() const { return add_; }

 Q_SIGNALS:
  void addFolderRequested();

 private:
  QLabel* detail_;
  QPushButton* add_;
};

}  // namespace bksdm
