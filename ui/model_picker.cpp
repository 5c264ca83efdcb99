#include "ui/model_picker.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QToolButton>

namespace bksdm {
namespace {

enum Role { LocationRole = Qt::UserRole + 1, DetailRole };

QString detailOf(const ModelEntry& entry) {
  if (!entry.problems.isEmpty() && entry.family.isEmpty()) return entry.problems.section('\n', 0, 0);
  QString detail = ModelPicker::tr("%1 \u00b7 %2 U-Net").arg(entry.family, entry.layout);
  if (!entry.repoId.isEmpty()) detail += QStringLiteral(" \u00b7 ") + entry.repoId;
  return detail;
}

// Two lines per model in the drop-down: the name, and family, layout and origin in a smaller font.
class ModelItemDelegate : public QStyledItemDelegate {
 public:
  using QStyledItemDelegate::QStyledItemDelegate;

  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(option.fontMetrics.height() * 2 + 8);
    return size;
  }

  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &base, painter, base.widget);
    const bool selected = option.state & QStyle::State_Selected;
    const QRect area = option.rect.adjusted(6, 3, -6, -3);
    painter->save();
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    QFont name = option.font;
    name.setBold(true);
    painter->setFont(name);
    painter->drawText(area, Qt::AlignLeft | Qt::AlignTop, index.data(Qt::DisplayRole).toString());
    QFont detail = option.font;
    detail.setPointSizeF(detail.pointSizeF() * 0.9);
    painter->setFont(detail);
    if (!selected) painter->setPen(option.palette.color(QPalette::PlaceholderText));
    painter->drawText(area, Qt::AlignLeft | Qt::AlignBottom, index.data(DetailRole).toString());
    painter->restore();
  }
};

}  // namespace

ModelPicker::ModelPicker(QWidget* parent)
    : QWidget(parent), combo_(new QComboBox(this)), addButton_(new QToolButton(this)),
      busy_(new QProgressBar(this)), info_(new QLabel(this)) {
  combo_->setItemDelegate(new ModelItemDelegate(combo_));
  combo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  combo_->setMinimumContentsLength(12);
  combo_->setPlaceholderText(tr("No model"));
  combo_->setToolTip(tr("Models in the Hugging Face cache and in folders you added"));

  addButton_->setText(tr("Add folder\u2026"));
  addButton_->setIcon(QIcon(QStringLiteral(":/icons/folder-add.svg")));
  addButton_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  addButton_->setToolTip(tr("Add a diffusers model folder (one with model_index.json)"));

  busy_->setRange(0, 0);
  busy_->setMaximumHeight(6);
  busy_->setTextVisible(false);
  busy_->hide();

  info_->setWordWrap(true);
  info_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  info_->setForegroundRole(QPalette::PlaceholderText);

  auto* layout = new QGridLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setVerticalSpacing(3);
  layout->addWidget(combo_, 0, 0);
  layout->addWidget(addButton_, 0, 1);
  layout->addWidget(busy_, 1, 0, 1, 2);
  layout->addWidget(info_, 2, 0, 1, 2);
  layout->setColumnStretch(0, 1);

  connect(addButton_, &QToolButton::clicked, this, &ModelPicker::addFolderRequested);
  auto* addMenu = new QMenu(addButton_);
  addMenu->addAction(tr("Add a Checkpoint File (.safetensors)\u2026"), this, &ModelPicker::addFileRequested);
  addButton_->setMenu(addMenu);
  addButton_->setPopupMode(QToolButton::MenuButtonPopup);
  connect(combo_, &QComboBox::activated, this, [this] {
    describeCurrent();
    Q_EMIT modelChosen(currentLocation());
  });
}

void ModelPicker::setModels(const QList<ModelEntry>& models) {
  const QString current = currentLocation();
  models_ = models;
  auto* items = new QStandardItemModel(combo_);
  for (const ModelEntry& entry : models_) {
    auto* item = new QStandardItem(entry.name);
    item->setData(entry.location, LocationRole);
    item->setData(detailOf(entry), DetailRole);
    item->setToolTip(entry.problems.isEmpty() ? entry.location : entry.location + '\n' + entry.problems);
    items->appendRow(item);
  }
  const QSignalBlocker blocker(combo_);
  combo_->setModel(items);
  combo_->setCurrentIndex(-1);
  if (!current.isEmpty()) setCurrentLocation(current);
}

void ModelPicker::setCurrentLocation(const QString& location) {
  const QSignalBlocker blocker(combo_);
  int row = combo_->findData(location, LocationRole);
  if (row < 0 && !location.isEmpty()) {
    ModelEntry entry;
    entry.name = displayName(location.section('/', -1));
    entry.location = location;
    models_ << entry;
    combo_->addItem(entry.name, location);
    row = combo_->count() - 1;
    combo_->setItemData(row, location, LocationRole);
  }
  combo_->setCurrentIndex(row);
  describeCurrent();
}

QString ModelPicker::currentLocation() const { return combo_->currentData(LocationRole).toString(); }

void ModelPicker::setBusy(bool busy, const QString& message) {
  busy_->setVisible(busy);
  combo_->setEnabled(!busy);
  addButton_->setEnabled(!busy);
  if (!message.isEmpty()) setInfo(message);
  else if (!busy) describeCurrent();
}

void ModelPicker::setInfo(const QString& text) { info_->setText(text); }

void ModelPicker::describeCurrent() {
  const int row = combo_->currentIndex();
  setInfo(row < 0 ? tr("No model chosen.") : combo_->itemData(row, DetailRole).toString());
}

}  // namespace bksdm
