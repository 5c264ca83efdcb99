#pragma once
#include <QList>
#include <QListWidget>

#include "app/generated_image.h"

namespace bksdm {

// This session's results as a row of thumbnails; choosing one shows it large.
class ResultStrip : public QListWidget {
  Q_OBJECT

 public:
  explicit ResultStrip(QWidget* parent = nullptr);

  void add(const GeneratedImage& generated);  // and makes it current
  const QList<GeneratedImage>& results() const { return results_; }
  const GeneratedImage* currentResult() const;
  void setSavedPath(int row, const QString& path);  // where the gallery saved result `row`

 Q_SIGNALS:
  void chosen(const bksdm::GeneratedImage& generated);

 protected:
  void startDrag(Qt::DropActions supportedActions) override;

 private:
  QList<GeneratedImage> results_;
};

}  // namespace bksdm
