#include "ui/model_compare_dialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bksdm {
namespace {

constexpr int kImageSize = 256;
constexpr int kOverlaySize = 128;

enum Column { WordColumn, MapAColumn, MapBColumn, PearsonColumn, IouColumn, ColumnCount };

QLabel* picture(const QImage& image, int size) {
  auto* label = new QLabel;
  label->setPixmap(QPixmap::fromImage(image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
  label->setAlignment(Qt::AlignCenter);
  return label;
}

// A figure shown to three places that sorts as a number.
class FigureItem : public QTableWidgetItem {
 public:
  explicit FigureItem(double value) : QTableWidgetItem(QString::number(value, 'f', 3)) {
    setData(Qt::UserRole, value);
    setTextAlignment(Qt::AlignCenter);
  }
  bool operator<(const QTableWidgetItem& other) const override {
    return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
  }
};

}  // namespace

ModelCompareDialog::ModelCompareDialog(const QString& titleA, const QImage& imageA, const QString& titleB,
                                       const QImage& imageB, const QList<WordAgreement>& words, QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Compare: %1 and %2").arg(titleA, titleB));
  auto* images = new QGridLayout;
  images->addWidget(new QLabel(titleA), 0, 0, Qt::AlignCenter);
  images->addWidget(new QLabel(titleB), 0, 1, Qt::AlignCenter);
  images->addWidget(picture(imageA, kImageSize), 1, 0);
  images->addWidget(picture(imageB, kImageSize), 1, 1);

  table_ = new QTableWidget(int(words.size()), ColumnCount);
  table_->setHorizontalHeaderLabels({tr("Word"), titleA, titleB, tr("Pearson"), tr("IoU (top 20 %)")});
  table_->horizontalHeaderItem(PearsonColumn)->setToolTip(
      tr("Pearson's correlation of the word's two maps at the latent resolution: 1 alike, 0 unrelated, -1 opposite"));
  table_->horizontalHeaderItem(IouColumn)->setToolTip(
      tr("The overlap of the two maps' brightest fifths: their intersection over their union"));
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setIconSize(QSize(kOverlaySize, kOverlaySize));
  table_->verticalHeader()->setDefaultSectionSize(kOverlaySize + 8);
  table_->verticalHeader()->hide();
  for (int row = 0; row < words.size(); ++row) {
    const WordAgreement& word = words[row];
    table_->setItem(row, WordColumn, new QTableWidgetItem(word.word));
    for (const auto& [column, overlay] : {std::pair{MapAColumn, word.overlayA}, std::pair{MapBColumn, word.overlayB}}) {
      auto* item = new QTableWidgetItem;
      item->setIcon(QPixmap::fromImage(overlay.scaled(kOverlaySize, kOverlaySize, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
      table_->setItem(row, column, item);
    }
    table_->setItem(row, PearsonColumn, new FigureItem(word.pearson));
    table_->setItem(row, IouColumn, new FigureItem(word.iou));
  }
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->setSortingEnabled(true);
  table_->sortByColumn(PearsonColumn, Qt::AscendingOrder);  // the words the two runs read least alike first

  auto* note = new QLabel(words.isEmpty() ? tr("The two prompts share no word with a map.")
                                          : tr("Each word's maps over the whole run; click a column to sort."));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(images);
  layout->addWidget(note);
  layout->addWidget(table_, 1);
  layout->addWidget(buttons);
  resize(760, 820);
}

}  // namespace bksdm
