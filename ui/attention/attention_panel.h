#pragma once
#include <QImage>
#include <QList>
#include <QPoint>
#include <QString>
#include <QWidget>

#include <qcoro/qcorotask.h>

#include "app/attention/attention_subject.h"
#include "app/attention/image_attention.h"

class QAbstractButton;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QSlider;
class QSpinBox;

namespace bksdm {

class FlowLayout;

// Which parts of an image each word of the prompt drew on (DAAM's cross-attention maps): the words
// as chips (a click shows one, Ctrl+click adds more to compare side by side), the token slots
// under "All tokens" (each chunk's padding as one chip), a step range, a layer and head (when the run
// kept them), and export. The chosen word's overlay goes out through overlayChanged() to be shown on
// the image itself.
class AttentionPanel : public QWidget {
  Q_OBJECT

 public:
  explicit AttentionPanel(QWidget* parent = nullptr);

  // One run: its images and, for each, its maps (ImageAttention values without maps: none kept),
  // and the negative prompt's where the run recorded them.
  void setResults(const QList<QImage>& images, const QList<ImageAttention>& attention,
                  const QList<ImageAttention>& negativeAttention = {});
  void clear();
  bool hasMaps() const;
  // Switches to `image` when it is one of the run's images (the same QImage data) and announces its
  // overlay again; false if it is not.
  bool showImage(const QImage& image);

  int imageCount() const { return int(images_.size()); }
  QImage image() const { return images_.value(imageIndex_); }  // the one whose maps are shown; null when none
  int imageIndex() const { return imageIndex_; }
  void setImageIndex(int index);
  bool showsAllTokens() const { return allTokens_; }
  // The negative prompt's words and maps instead of the prompt's (when the run has them).
  bool showsNegative() const { return negative_; }
  void setShowsNegative(bool negative);
  void setShowsAllTokens(bool all);
  // Chip indices (into the words, or the token slots) in the order they were chosen.
  const QList<int>& selection() const { return selection_; }
  void setSelection(const QList<int>& selection);
  int step() const;  // the range's last step, 1..steps; 0 when the run kept no per-step maps (the final maps)
  void setStep(int step);
  int firstStep() const { return view().first; }  // the range's first step; 1 without per-step maps
  void setStepRange(int first, int last);
  // The kept layer shown (an index into ImageAttention::layers) and its head; -1: all of them.
  int layer() const { return view().layer; }
  int head() const { return view().head; }
  void setLayer(int layer, int head = -1);
  // What the panel shows of the image's maps: the step range, or one layer (and head).
  MapView view() const;
  // Whether the next run keeps each layer's maps (GenerationParams::layerAttentionMaps).
  bool keepsLayerMaps() const;
  void setKeepsLayerMaps(bool keep);
  double opacity() const;
  void setOpacity(double opacity);

  QList<QAbstractButton*> chips() const { return chips_; }
  QList<AttentionSubject> selectedSubjects() const;
  // The last chosen subject's overlay at the image's size; null when nothing is chosen.
  const QImage& overlay() const { return overlay_; }
  // One small overlay per chosen subject when two or more are chosen, in the order chosen.
  const QList<QImage>& gridOverlays() const { return gridOverlays_; }

  // Ranks the words by their share of the attention at `pixel` of the shown image (the image view's
  // hoveredPixelChanged); (-1, -1) or a pixel off the image says how to ask.
  void showSharesAt(const QPoint& pixel);
  QString sharesText() const;

  // What the export buttons do once a place is chosen, off the UI thread; empty or an error.
  QCoro::Task<QString> exportOverlays(QString folder);
  QCoro::Task<QString> exportMaps(QString path);

 Q_SIGNALS:
  void wordSelected(int index);  // a chip was chosen (an index into the words, or the tokens)
  void selectionChanged(const QList<int>& selection);
  void overlayChanged(const QImage& overlay);  // null: show the plain image

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void buildChips();
  void buildLayerChoice();
  void buildHeadChoice();
  void onLastStepChanged();
  void fitChipArea();
  void onChipClicked(int index, bool additive);
  void render();
  void showTextInForce();
  void showShares();
  void showStepCost();
  void showOverlap(const QList<AttentionSubject>& chosen);
  void chooseOverlayFolder();
  void chooseMapsFile();
  void showStatus(const QString& text);
  const ImageAttention* current() const;
  QList<AttentionSubject> subjects() const;

  QList<QImage> images_;
  QList<ImageAttention> attention_;
  QList<ImageAttention> negativeAttention_;
  bool negative_ = false;
  int imageIndex_ = 0;
  bool allTokens_ = false;
  QList<int> selection_;
  QImage overlay_;
  QList<QImage> gridOverlays_;
  QPoint hoveredPixel_{-1, -1};

  QLabel* placeholder_;
  QWidget* content_;
  QComboBox* imageChoice_;
  QCheckBox* allTokensBox_;
  QCheckBox* negativeBox_;
  QSlider* opacitySlider_;
  QPushButton* exportOverlaysButton_;
  QPushButton* exportMapsButton_;
  QScrollArea* chipScroll_;
  FlowLayout* chipLayout_;
  QList<QAbstractButton*> chips_;
  QWidget* stepRow_;
  QSlider* stepSlider_;
  QSpinBox* firstStepBox_;
  QLabel* stepLabel_;
  QLabel* stepCost_;
  QLabel* textInForce_;
  QWidget* layerRow_;
  QComboBox* layerChoice_;
  QComboBox* headChoice_;
  QCheckBox* keepLayerMapsBox_;
  QLabel* shares_;
  QWidget* legend_;
  QLabel* overlap_;
  QWidget* grid_;
  FlowLayout* gridLayout_;
  QLabel* status_;
};

}  // namespace bksdm
