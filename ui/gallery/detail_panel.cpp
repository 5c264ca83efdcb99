#include "ui/gallery/detail_panel.h"
#include "app/pool_task.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedLayout>
#include <QToolButton>
#include <QVBoxLayout>
#include <qcoro/qcorofuture.h>

#include "app/gallery/image_file.h"

namespace bksdm::gallery {
namespace {

constexpr int kPreviewEdge = 320;

// Wraps to the panel's width: a long prompt, or a path without spaces, never widens the panel.
QLabel* valueLabel(const QString& text) {
  auto* label = new QLabel(text);
  label->setWordWrap(true);
  label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  label->setToolTip(text);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  label->setTextFormat(Qt::PlainText);
  return label;
}

QWidget* buttonRow(const QList<QAction*>& actions) {
  auto* row = new QWidget;
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  for (QAction* action : actions) {
    auto* button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    layout->addWidget(button);
  }
  layout->addStretch();
  return row;
}

}  // namespace

DetailPanel::DetailPanel(const QList<QList<QAction*>>& actionRows, QWidget* parent)
    : QWidget(parent), pages_(new QStackedLayout(this)), preview_(new QLabel), fields_(new QFormLayout) {
  auto* empty = new QLabel(tr("Select an image to see how it was made."));
  empty->setAlignment(Qt::AlignCenter);
  empty->setWordWrap(true);
  pages_->addWidget(empty);

  auto* content = new QWidget;
  auto* layout = new QVBoxLayout(content);
  preview_->setAlignment(Qt::AlignCenter);
  preview_->setMinimumHeight(kPreviewEdge / 2);
  preview_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  layout->addWidget(preview_);
  for (const QList<QAction*>& actions : actionRows) layout->addWidget(buttonRow(actions));
  fields_->setRowWrapPolicy(QFormLayout::WrapLongRows);
  fields_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  layout->addLayout(fields_);
  layout->addStretch();
  auto* scroll = new QScrollArea;
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  // Wide enough for the rows of buttons in any language; the text wraps, so nothing scrolls sideways.
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setMinimumWidth(content->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());
  pages_->addWidget(scroll);
}

void DetailPanel::clear() {
  entry_.reset();
  ++previewRequest_;
  pages_->setCurrentIndex(0);
}

void DetailPanel::showEntry(const GalleryEntry& entry) {
  entry_ = entry;
  while (fields_->rowCount() > 0) fields_->removeRow(0);
  const ImageMetadata& metadata = entry.metadata;
  if (metadata.hasSettings()) {
    for (const SettingsField& field : metadata.settings.displayFields())
      if (!field.value.isEmpty()) addRow(field.label, field.value);
    for (const auto& [key, value] : metadata.otherParameters) addRow(key, value);
  } else {
    addRow(tr("Settings"), tr("This image does not say how it was made."));
  }
  if (metadata.fromCommandLine())
    addRow(tr("Read from"), tr("the \"parameters\" text of bksdm, this program's command-line tool"));
  else if (metadata.source == ImageMetadata::Source::Parameters)
    addRow(tr("Read from"), tr("the \"parameters\" text of another program"));
  if (entry.hasAttentionMaps) addRow(tr("Attention maps"), tr("saved beside the image"));
  const QFileInfo file(entry.path);
  addRow(tr("File"), QStringLiteral("%1\n%2").arg(QDir::toNativeSeparators(file.absoluteFilePath()),
                                                  QLocale().formattedDataSize(entry.size)));
  pages_->setCurrentIndex(1);
  preview_->clear();
  loadPreview(entry.path);
}

void DetailPanel::addRow(const QString& label, const QString& value) { fields_->addRow(label, valueLabel(value)); }

QCoro::Task<> DetailPanel::loadPreview(QString path) {
  const quint64 request = ++previewRequest_;
  const QPointer<DetailPanel> self(this);
  const int edge = int(kPreviewEdge * devicePixelRatioF());
  const QImage image = co_await runInPool(readScaledImage, path, edge);
  if (!self || request != previewRequest_) co_return;
  if (image.isNull()) {
    preview_->setText(tr("The image cannot be read."));
    co_return;
  }
  QPixmap pixmap = QPixmap::fromImage(image);
  pixmap.setDevicePixelRatio(devicePixelRatioF());
  preview_->setPixmap(pixmap);
}

}  // namespace bksdm::gallery
