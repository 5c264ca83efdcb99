#pragma once
#include <QDialog>
#include <QImage>
#include <QList>

#include "app/model_comparison.h"

class QTableWidget;

namespace bksdm {

// Two runs of one description side by side (a BK-SDM model and its teacher, any two models, or one
// model with two prompts): the two images, then for each word both prompts have its two attention
// maps and how alike they are, least alike first (any column sorts).
class ModelCompareDialog : public QDialog {
  Q_OBJECT

 public:
  ModelCompareDialog(const QString& titleA, const QImage& imageA, const QString& titleB, const QImage& imageB,
                     const QList<WordAgreement>& words, QWidget* parent = nullptr);

  QTableWidget* table() const { return table_; }

 private:
  QTableWidget* table_;
};

}  // namespace bksdm
