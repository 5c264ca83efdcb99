#pragma once
#include <QWidget>

class QLineEdit;
class QToolButton;

namespace bksdm {

// The seed: a value, a dice button for a random one, and a lock. Unlocked, every run takes a new
// random seed (and shows it, so the image can be made again); locked, runs keep the value.
class SeedField : public QWidget {
  Q_OBJECT

 public:
  explicit SeedField(QWidget* parent = nullptr);

  quint64 value() const;
  void setValue(quint64 seed);
  bool isLocked() const;
  void setLocked(bool locked);
  // The seed for the next run, drawing a new one first when unlocked.
  quint64 seedForRun();

  QToolButton* diceButton() const { return dice_; }
  QToolButton* lockButton() const { return lock_; }

 public Q_SLOTS:
  void randomize();

 private:
  void showLock(bool locked);

  QLineEdit* edit_;
  QToolButton* dice_;
  QToolButton* lock_;
};

}  // namespace bksdm
