#include "ui/gallery/compare_view.h"
#include "app/pool_task.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QVBoxLayout>
#include <qcoro/qcorofuture.h>

#include "app/gallery/image_file.h"
#include "app/gallery/word_diff.h"

namespace bksdm::gallery {
namespace {

constexpr int kMinImageEdge = 160;
constexpr int kMaxImageEdge = 512;

bool isPromptKey(const QString& key) { return key == QLatin1String("prompt") || key == QLatin1String("negative_prompt"); }

QString rgba(QColor color, int alpha) {
  color.setAlpha(alpha);
  return QStringLiteral("rgba(%1,%2,%3,%4)").arg(color.red()).arg(color.green()).arg(color.blue()).arg(color.alpha());
}

// The fields of every image by key, in the order they are first met.
struct FieldTable {
  QStringList keys;
  QHash<QString, QString> labels;
  QList<QHash<QString, QString>> values;  // one map per image
};

FieldTable fieldTable(const QList<GalleryEntry>& entries) {
  FieldTable table;
  for (const GalleryEntry& entry : entries) {
    QHash<QString, QString>& values = table.values.emplace_back();
    if (!entry.metadata.hasSettings()) continue;
    for (const SettingsField& field : entry.metadata.settings.displayFields()) {
      if (!table.labels.contains(field.key)) {
        table.keys.append(field.key);
        table.labels.insert(field.key, field.label);
      }
      values.insert(field.key, field.value);
    }
  }
  return table;
}

}  // namespace

CompareView::CompareView(QWidget* parent) : QWidget(parent), title_(new QLabel) {
  auto* back = new QPushButton(tr("Back to the gallery"));
  connect(back, &QPushButton::clicked, this, &CompareView::closeRequested);
  auto* bar = new QHBoxLayout;
  bar->addWidget(back);
  bar->addWidget(title_, 1);
  auto* scroll = new QScrollArea;
  scroll->setWidgetResizable(true);
  scroll->setObjectName(QStringLiteral("compareScroll"));
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(bar);
  layout->addWidget(scroll, 1);
}

void CompareView::setEntries(const QList<GalleryEntry>& entries) {
  entries_ = entries;
  QList<GenerationSettings> settings;
  for (const GalleryEntry& entry : entries_)
    if (entry.metadata.hasSettings()) settings.append(entry.metadata.settings);
  differing_ = differingFields(settings);
  title_->setText(tr("Comparing %n images; what differs is highlighted.", nullptr, int(entries_.size())));
  rebuild();
}

int CompareView::imageEdgeForWidth() const {
  const int columns = std::max<int>(1, int(entries_.size()));
  return std::clamp((width() - 160) / columns - 16, kMinImageEdge, kMaxImageEdge);
}

// The images take the width there is: rebuilt when the view is shown or resized.
void CompareView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (!entries_.isEmpty() && std::abs(imageEdgeForWidth() - imageEdge_) > 24) rebuild();
}

void CompareView::rebuild() {
  grid_ = new QWidget;
  layout_ = new QGridLayout(grid_);
  layout_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  const int edge = imageEdge_ = imageEdgeForWidth();
  for (int column = 0; column < entries_.size(); ++column) {
    auto* image = new QLabel(tr("Loading…"));
    image->setAlignment(Qt::AlignCenter);
    image->setFixedSize(edge, edge);
    layout_->addWidget(image, 0, column + 1);
    layout_->setColumnMinimumWidth(column + 1, edge);
    loadImage(image, entries_[column].path, int(edge * devicePixelRatioF()));
  }
  addFieldRows(1);
  findChild<QScrollArea*>(QStringLiteral("compareScroll"))->setWidget(grid_);
}

void CompareView::addFieldRows(int firstRow) {
  const FieldTable table = fieldTable(entries_);
  const QString highlight = rgba(palette().color(QPalette::Highlight), 60);
  int row = firstRow;
  for (const QString& key : table.keys) {
    const bool differs = differing_.contains(key);
    auto* label = new QLabel(table.labels[key]);
    label->setAlignment(Qt::AlignRight | Qt::AlignTop);
    if (differs) label->setStyleSheet(QStringLiteral("font-weight: bold;"));
    layout_->addWidget(label, row, 0);
    for (int column = 0; column < entries_.size(); ++column) {
      auto* value = new QLabel;
      value->setWordWrap(true);
      value->setTextInteractionFlags(Qt::TextSelectableByMouse);
      value->setAlignment(Qt::AlignLeft | Qt::AlignTop);
      if (differs && isPromptKey(key)) {
        value->setTextFormat(Qt::RichText);
        value->setText(promptHtml(column, key));
      } else {
        value->setTextFormat(Qt::PlainText);
        value->setText(table.values[column].value(key, QStringLiteral("—")));
        if (differs) value->setStyleSheet(QStringLiteral("background-color: %1; border-radius: 2px;").arg(highlight));
      }
      value->setObjectName(QStringLiteral("%1-%2").arg(key).arg(column));
      layout_->addWidget(value, row, column + 1);
    }
    ++row;
  }
  auto* fileLabel = new QLabel(tr("File"));
  fileLabel->setAlignment(Qt::AlignRight | Qt::AlignTop);
  layout_->addWidget(fileLabel, row, 0);
  for (int column = 0; column < entries_.size(); ++column) {
    auto* name = new QLabel(QFileInfo(entries_[column].path).fileName());
    name->setWordWrap(true);
    name->setToolTip(entries_[column].path);
    layout_->addWidget(name, row, column + 1);
  }
}

// The prompt with the words that the other image's prompt lacks marked; the first image is
// compared with the second, every other one with the first.
QString CompareView::promptHtml(int column, const QString& key) const {
  const auto text = [&](int i) {
    const GenerationSettings& settings = entries_[i].metadata.settings;
    return key == QLatin1String("prompt") ? settings.params.prompt : settings.params.negativePrompt;
  };
  const int reference = column == 0 ? 1 : 0;
  const QString mark = rgba(palette().color(QPalette::Highlight), 110);
  QString html;
  for (const DiffPiece& piece : diffWords(text(column), text(reference))) {
    const QString escaped = piece.text.toHtmlEscaped().replace(QChar('\n'), QStringLiteral("<br>"));
    html += piece.changed ? QStringLiteral("<span style=\"background-color:%1; font-weight:600;\">%2</span>").arg(mark, escaped)
                          : escaped;
  }
  return html;
}

QCoro::Task<> CompareView::loadImage(QLabel* label, QString path, int edge) {
  const QPointer<QLabel> target(label);
  const QImage image = co_await runInPool(readScaledImage, path, edge);
  if (!target) co_return;
  if (image.isNull()) {
    target->setText(tr("The image cannot be read."));
    co_return;
  }
  QPixmap pixmap = QPixmap::fromImage(image);
  pixmap.setDevicePixelRatio(target->devicePixelRatioF());
  target->setPixmap(pixmap);
}

}  // namespace bksdm::gallery
