#pragma once
#include <QLayout>
#include <QList>

namespace bksdm {

// Lays its items out left to right and wraps to the next row where the width ends, as text flows;
// its height follows its width. Every item takes its place, shown yet or not: widgets added to a
// visible parent are shown only later, and the room they need must be known at once.
class FlowLayout : public QLayout {
 public:
  explicit FlowLayout(QWidget* parent = nullptr, int spacing = 4);
  ~FlowLayout() override;

  void addItem(QLayoutItem* item) override;
  int count() const override { return int(items_.size()); }
  QLayoutItem* itemAt(int index) const override { return items_.value(index); }
  QLayoutItem* takeAt(int index) override;
  Qt::Orientations expandingDirections() const override { return {}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
  QSize minimumSize() const override;
  QSize sizeHint() const override { return minimumSize(); }
  void setGeometry(const QRect& rect) override;

  // Removes and deletes every item and its widget.
  void clear();

 private:
  // Places the items inside `rect` when `apply`; returns the height they need.
  int arrange(const QRect& rect, bool apply) const;

  QList<QLayoutItem*> items_;
  int spacing_;
};

}  // namespace bksdm
