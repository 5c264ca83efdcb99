#include "ui/attention/attention_panel.h"
#include "app/pool_task.h"

#include <algorithm>
#include <cmath>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>
#include <qcoro/qcorofuture.h>

#include "app/attention/attention_export.h"
#include "app/attention/attention_measures.h"
#include "app/attention/attention_render.h"
#include "app/attention/attention_view.h"
#include "ui/attention/flow_layout.h"

namespace bksdm {
namespace {

constexpr int kTile = 160;         // the comparison grid's overlays, in pixels
constexpr int kChipRows = 4;       // chips shown before the chip area scrolls
constexpr double kOpacity = 0.6;   // core's attention_overlay default
constexpr QSize kLegend(120, 10);  // the colour scale's ramp, in pixels
constexpr int kSharesShown = 5;    // words named at the pointer; the rest are the long tail

// "steps 3–10", "steps 1, 3, 5": the steps an edited prompt's text was in force.
QString stepList(const QList<int>& steps) {
  const bool run = !steps.isEmpty() && steps.last() - steps.first() + 1 == steps.size();
  if (run && steps.size() > 1) return AttentionPanel::tr("steps %1–%2").arg(steps.first()).arg(steps.last());
  QStringList numbers;
  for (int step : steps) numbers << QString::number(step);
  return AttentionPanel::tr("steps %1").arg(numbers.join(QStringLiteral(", ")));
}

QString chipToolTip(const ImageAttention& attention, const AttentionSubject& subject) {
  if (subject.kind == AttentionSubject::Kind::Token)
    return AttentionPanel::tr("Token slot %1 of %2 (chunk %3): %4")
        .arg(subject.index % ImageAttention::kChunkSlots)
        .arg(ImageAttention::kChunkSlots)
        .arg(subject.chunk + 1)
        .arg(attention.tokens[subject.index]);
  const AttentionWord& word = attention.words[subject.index];
  if (!subject.hasMap())
    return AttentionPanel::tr("\u201c%1\u201d was cut: its tokens fall past the prompt's length limit, so it has no map.")
        .arg(word.text);
  QString tip = AttentionPanel::tr("Tokens: %1").arg(word.pieces.join(QLatin1Char(' ')));
  if (word.cut)
    tip += QLatin1Char('\n') + AttentionPanel::tr("Some of its tokens fall past the prompt's length limit; the map uses the rest.");
  if (subject.text >= 0 && subject.text < attention.texts.size()) {
    const TextMaps& text = attention.texts[subject.text];
    tip += QLatin1Char('\n') + AttentionPanel::tr("In force while the prompt read \u201c%1\u201d (%2); its map covers those steps.")
                                   .arg(text.text, stepList(text.steps));
  }
  return tip + QLatin1Char('\n') + AttentionPanel::tr("Click to show it; Ctrl+click to compare several.");
}

QToolButton* makeChip(const ImageAttention& attention, const AttentionSubject& subject) {
  auto* chip = new QToolButton;
  chip->setText(subject.label);
  chip->setCheckable(true);
  chip->setEnabled(subject.hasMap());
  chip->setToolTip(chipToolTip(attention, subject));
  QFont font = chip->font();
  font.setStrikeOut(!subject.hasMap());
  font.setItalic(subject.text >= 0);  // a word of one of an edited prompt's texts
  chip->setFont(font);
  return chip;
}

// Where a chunk of 77 slots begins in the "All tokens" view.
QLabel* makeChunkMark(int chunk) {
  auto* mark = new QLabel(AttentionPanel::tr("\u2502 chunk %1").arg(chunk + 1));
  mark->setEnabled(false);
  mark->setToolTip(AttentionPanel::tr("The prompt is read in chunks of 75 tokens, each encoded on its own"));
  return mark;
}

// "vase 41 %, red 22 %, table 9 %, …"
QString shareList(const QList<WordShare>& shares) {
  QStringList named;
  for (const WordShare& share : shares.first(std::min(kSharesShown, int(shares.size()))))
    named << AttentionPanel::tr("%1 %2 %", "a word and its share of the attention in percent")
                 .arg(share.word)
                 .arg(std::lround(share.share * 100));
  if (shares.size() > kSharesShown) named << QStringLiteral("\u2026");
  return named.join(QStringLiteral(", "));
}

// The overlays' colour scale, from a map's lowest value to its highest.
QWidget* makeLegend() {
  auto* legend = new QWidget;
  legend->setObjectName(QStringLiteral("colourLegend"));
  legend->setToolTip(AttentionPanel::tr("The overlay's colours: each map runs from its own lowest value to its highest, "
                                        "so the colours compare places within one map, not one word with another"));
  auto* layout = new QHBoxLayout(legend);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* ramp = new QLabel;
  ramp->setObjectName(QStringLiteral("colourRamp"));
  ramp->setPixmap(QPixmap::fromImage(attentionLegend(kLegend.width(), kLegend.height())));
  layout->addWidget(new QLabel(AttentionPanel::tr("low", "the colour scale's lowest value")));
  layout->addWidget(ramp);
  layout->addWidget(new QLabel(AttentionPanel::tr("high", "the colour scale's highest value")));
  return legend;
}

// The padding after a chunk's end token, as one chip: its slots hold no words of the prompt.
QToolButton* makePaddingChip(int slots) {
  auto* chip = new QToolButton;
  chip->setObjectName(QStringLiteral("paddingChip"));
  chip->setText(AttentionPanel::tr("+%n padding", "slots after the end token", slots));
  chip->setEnabled(false);
  chip->setToolTip(AttentionPanel::tr("%n padding slot(s) after the end token, which fill the chunk to 77: they hold no "
                                      "word of the prompt, so they are not shown one by one", "", slots));
  return chip;
}

// The subject a chip index names: a word's index, or a token's slot.
const AttentionSubject* findSubject(const QList<AttentionSubject>& subjects, int index) {
  const auto found = std::find_if(subjects.begin(), subjects.end(),
                                  [index](const AttentionSubject& subject) { return subject.index == index; });
  return found == subjects.end() ? nullptr : &*found;
}

QWidget* makeTile(const QImage& overlay, const QString& caption) {
  auto* tile = new QWidget;
  auto* layout = new QVBoxLayout(tile);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  auto* picture = new QLabel;
  picture->setPixmap(QPixmap::fromImage(overlay));
  auto* text = new QLabel(caption);
  text->setAlignment(Qt::AlignHCenter);
  text->setMaximumWidth(overlay.width());
  layout->addWidget(picture);
  layout->addWidget(text);
  return tile;
}

}  // namespace

AttentionPanel::AttentionPanel(QWidget* parent) : QWidget(parent) {
  placeholder_ = new QLabel(tr("No attention maps for this image. Turn on Generate \u25b8 Record Attention Maps "
                               "and run again to see which words shaped which parts of it."));
  placeholder_->setWordWrap(true);
  placeholder_->setEnabled(false);

  imageChoice_ = new QComboBox;
  imageChoice_->setToolTip(tr("Which image of the batch"));
  allTokensBox_ = new QCheckBox(tr("All to&kens"));
  allTokensBox_->setToolTip(tr("The token slots one by one: the start token, the prompt's pieces and the end token"));
  negativeBox_ = new QCheckBox(tr("Negative pr&ompt"));
  negativeBox_->setObjectName(QStringLiteral("negativeBox"));
  negativeBox_->setToolTip(tr("The negative prompt's words and maps: what each of them steered the image away from"));
  opacitySlider_ = new QSlider(Qt::Horizontal);
  opacitySlider_->setRange(0, 100);
  opacitySlider_->setValue(int(kOpacity * 100));
  opacitySlider_->setMaximumWidth(120);
  opacitySlider_->setToolTip(tr("How strongly the heat map covers the image"));
  exportOverlaysButton_ = new QPushButton(tr("E&xport PNG\u2026"));
  exportOverlaysButton_->setToolTip(tr("Save the chosen words' overlays as PNG files"));
  exportMapsButton_ = new QPushButton(tr("Export &maps\u2026"));
  exportMapsButton_->setToolTip(tr("Save the raw maps of every image (and every step, when kept) as safetensors"));

  auto* header = new QHBoxLayout;
  header->addWidget(new QLabel(tr("Attention:")));
  header->addWidget(imageChoice_);
  header->addWidget(allTokensBox_);
  header->addWidget(negativeBox_);
  header->addStretch();
  header->addWidget(new QLabel(tr("Opacity")));
  header->addWidget(opacitySlider_);
  header->addWidget(exportOverlaysButton_);
  header->addWidget(exportMapsButton_);

  auto* chipArea = new QWidget;
  chipLayout_ = new FlowLayout(chipArea);
  chipScroll_ = new QScrollArea;
  chipScroll_->setWidget(chipArea);
  chipScroll_->setWidgetResizable(true);
  chipScroll_->setFrameShape(QFrame::NoFrame);
  chipScroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

  stepSlider_ = new QSlider(Qt::Horizontal);
  stepSlider_->setToolTip(tr("The range's last step: the maps accumulated up to it, when did a word start to matter?"));
  firstStepBox_ = new QSpinBox;
  firstStepBox_->setObjectName(QStringLiteral("firstStep"));
  firstStepBox_->setToolTip(tr("The range's first step: from 2 on, the maps show what the steps of the range added "
                               "(the maps up to the last step less those before the first)"));
  stepLabel_ = new QLabel;
  stepRow_ = new QWidget;
  auto* stepLayout = new QHBoxLayout(stepRow_);
  stepLayout->setContentsMargins(0, 0, 0, 0);
  stepLayout->addWidget(new QLabel(tr("Steps from")));
  stepLayout->addWidget(firstStepBox_);
  stepLayout->addWidget(new QLabel(tr("to", "steps from 3 to 10")));
  stepLayout->addWidget(stepSlider_, 1);
  stepLayout->addWidget(stepLabel_);
  stepCost_ = new QLabel;
  stepCost_->setObjectName(QStringLiteral("stepCost"));
  stepCost_->setEnabled(false);
  stepCost_->setToolTip(tr("What keeping every step's maps cost this run on the app's side: copying each step's maps "
                           "out of the run. The U-Net's own recording of the attention is not in this figure."));
  stepLayout->addWidget(stepCost_);
  textInForce_ = new QLabel;
  textInForce_->setObjectName(QStringLiteral("textInForce"));
  textInForce_->setWordWrap(true);
  textInForce_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  shares_ = new QLabel;
  shares_->setObjectName(QStringLiteral("pointerShares"));
  shares_->setToolTip(tr("A word's share at a place: its map's value there over the sum of all the prompt's words' "
                         "values there (the start token and padding left out)"));

  layerChoice_ = new QComboBox;
  layerChoice_->setObjectName(QStringLiteral("layerChoice"));
  layerChoice_->setToolTip(tr("One cross-attention layer's maps over the whole run, at its own resolution "
                              "upsampled to the latent's; all layers: their mean, the run's maps"));
  headChoice_ = new QComboBox;
  headChoice_->setObjectName(QStringLiteral("headChoice"));
  headChoice_->setToolTip(tr("One attention head of the layer, or the mean of its heads"));
  layerRow_ = new QWidget;
  auto* layerLayout = new QHBoxLayout(layerRow_);
  layerLayout->setContentsMargins(0, 0, 0, 0);
  layerLayout->addWidget(new QLabel(tr("Layer")));
  layerLayout->addWidget(layerChoice_);
  layerLayout->addWidget(new QLabel(tr("Head")));
  layerLayout->addWidget(headChoice_);
  layerLayout->addStretch();
  keepLayerMapsBox_ = new QCheckBox(tr("Keep per-layer maps"));
  keepLayerMapsBox_->setObjectName(QStringLiteral("keepLayerMaps"));
  keepLayerMapsBox_->setToolTip(tr("The next runs keep each cross-attention layer's maps, so that one layer or head "
                                   "can be shown: about 66 MB more per 512×512 image with SD v1.4's layers"));

  overlap_ = new QLabel;
  overlap_->setObjectName(QStringLiteral("pairOverlap"));
  grid_ = new QWidget;
  gridLayout_ = new FlowLayout(grid_, 8);
  status_ = new QLabel;
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  content_ = new QWidget;
  auto* contentLayout = new QVBoxLayout(content_);
  contentLayout->setContentsMargins(0, 0, 0, 0);
  contentLayout->addLayout(header);
  contentLayout->addWidget(chipScroll_);
  legend_ = makeLegend();
  auto* sharesRow = new QHBoxLayout;
  sharesRow->addWidget(shares_, 1);
  sharesRow->addWidget(legend_);
  contentLayout->addLayout(sharesRow);
  contentLayout->addWidget(stepRow_);
  contentLayout->addWidget(layerRow_);
  contentLayout->addWidget(textInForce_);
  contentLayout->addWidget(overlap_);
  contentLayout->addWidget(grid_);
  contentLayout->addWidget(status_);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->addWidget(placeholder_);
  layout->addWidget(content_);
  layout->addWidget(keepLayerMapsBox_);

  connect(imageChoice_, &QComboBox::currentIndexChanged, this, [this](int index) { setImageIndex(index); });
  connect(allTokensBox_, &QCheckBox::toggled, this, [this](bool all) { setShowsAllTokens(all); });
  connect(negativeBox_, &QCheckBox::toggled, this, [this](bool negative) { setShowsNegative(negative); });
  connect(opacitySlider_, &QSlider::valueChanged, this, [this] { render(); });
  connect(stepSlider_, &QSlider::valueChanged, this, &AttentionPanel::onLastStepChanged);
  connect(firstStepBox_, &QSpinBox::valueChanged, this, [this] { render(); });
  connect(layerChoice_, &QComboBox::currentIndexChanged, this, [this] {
    buildHeadChoice();
    render();
  });
  connect(headChoice_, &QComboBox::currentIndexChanged, this, [this] { render(); });
  connect(exportOverlaysButton_, &QPushButton::clicked, this, &AttentionPanel::chooseOverlayFolder);
  connect(exportMapsButton_, &QPushButton::clicked, this, &AttentionPanel::chooseMapsFile);
  clear();
}

void AttentionPanel::setResults(const QList<QImage>& images, const QList<ImageAttention>& attention,
                                const QList<ImageAttention>& negativeAttention) {
  images_ = images;
  attention_ = attention;
  negativeAttention_ = negativeAttention;
  imageIndex_ = 0;
  selection_.clear();
  negative_ = false;
  {
    const QSignalBlocker blocker(negativeBox_);
    negativeBox_->setChecked(false);
  }
  negativeBox_->setVisible(!negativeAttention_.isEmpty());
  {
    const QSignalBlocker blocker(imageChoice_);
    imageChoice_->clear();
    for (int i = 0; i < images_.size(); ++i) imageChoice_->addItem(tr("Image %1 of %2").arg(i + 1).arg(images_.size()));
  }
  imageChoice_->setVisible(images_.size() > 1);
  const int steps = current() ? current()->steps() : 0;
  {
    const QSignalBlocker blocker(stepSlider_), firstBlocker(firstStepBox_);
    stepSlider_->setRange(std::min(1, steps), steps);
    stepSlider_->setValue(steps);
    firstStepBox_->setRange(std::min(1, steps), steps);
    firstStepBox_->setValue(firstStepBox_->minimum());
  }
  stepRow_->setVisible(steps > 0);
  status_->clear();
  buildLayerChoice();
  buildChips();
  render();
}

void AttentionPanel::clear() { setResults({}, {}); }

void AttentionPanel::setShowsNegative(bool negative) {
  if (negative == negative_ || (negative && negativeAttention_.isEmpty())) return;
  negative_ = negative;
  const QSignalBlocker blocker(negativeBox_);
  negativeBox_->setChecked(negative);
  selection_.clear();
  buildLayerChoice();
  buildChips();
  render();
  Q_EMIT selectionChanged(selection_);
}

const ImageAttention* AttentionPanel::current() const {
  const QList<ImageAttention>& shown = negative_ ? negativeAttention_ : attention_;
  if (imageIndex_ >= shown.size() || imageIndex_ >= images_.size()) return nullptr;
  const ImageAttention& attention = shown[imageIndex_];
  return attention.isEmpty() ? nullptr : &attention;
}

bool AttentionPanel::hasMaps() const { return current() != nullptr; }

bool AttentionPanel::showImage(const QImage& image) {
  for (int i = 0; i < images_.size(); ++i)
    if (images_[i].cacheKey() == image.cacheKey()) {
      if (i == imageIndex_)
        Q_EMIT overlayChanged(overlay_);
      else
        setImageIndex(i);
      return true;
    }
  return false;
}

void AttentionPanel::setImageIndex(int index) {
  if (index < 0 || index >= images_.size() || index == imageIndex_) return;
  imageIndex_ = index;
  const QSignalBlocker blocker(imageChoice_);
  imageChoice_->setCurrentIndex(index);
  buildLayerChoice();
  buildChips();  // the words are the same; which have maps is too, but the tooltips follow the image
  render();
}

void AttentionPanel::setShowsAllTokens(bool all) {
  if (all == allTokens_) return;
  const ImageAttention* attention = current();
  const QList<int> carried = !attention ? QList<int>()
                             : all      ? tokensOfWords(*attention, selection_)
                                        : wordsOfTokens(*attention, selection_);
  allTokens_ = all;
  const QSignalBlocker blocker(allTokensBox_);
  allTokensBox_->setChecked(all);
  selection_.clear();
  buildChips();
  setSelection(carried);
}

QList<AttentionSubject> AttentionPanel::subjects() const {
  const ImageAttention* attention = current();
  if (!attention) return {};
  return allTokens_ ? tokenSubjects(*attention) : wordSubjects(*attention);
}

QList<AttentionSubject> AttentionPanel::selectedSubjects() const {
  const QList<AttentionSubject> all = subjects();
  QList<AttentionSubject> chosen;
  for (int index : selection_) chosen << *findSubject(all, index);
  return chosen;
}

void AttentionPanel::buildChips() {
  chipLayout_->clear();
  chips_.clear();
  const ImageAttention* attention = current();
  placeholder_->setVisible(!attention);
  content_->setVisible(attention != nullptr);
  if (!attention) return;
  for (const AttentionSubject& subject : subjects()) {
    if (subject.kind == AttentionSubject::Kind::Token && subject.chunk > 0 && subject.index % ImageAttention::kChunkSlots == 0)
      chipLayout_->addWidget(makeChunkMark(subject.chunk));
    QToolButton* chip = makeChip(*attention, subject);
    chip->setChecked(selection_.contains(subject.index));
    const int index = subject.index;
    connect(chip, &QToolButton::clicked, this, [this, index] {
      onChipClicked(index, QGuiApplication::keyboardModifiers() & (Qt::ControlModifier | Qt::ShiftModifier));
    });
    chipLayout_->addWidget(chip);
    chips_ << chip;
    if (const int padding = paddingAfter(*attention, subject)) chipLayout_->addWidget(makePaddingChip(padding));
  }
  fitChipArea();
}

// As tall as the chips need at this width, up to kChipRows rows; the rest scrolls.
void AttentionPanel::fitChipArea() {
  const int rowHeight = chips_.isEmpty() ? 0 : chips_[0]->sizeHint().height();
  const int needed = chipLayout_->heightForWidth(chipScroll_->viewport()->width());
  chipScroll_->setFixedHeight(std::min(needed, kChipRows * (rowHeight + 4)));
}

void AttentionPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  fitChipArea();
}

void AttentionPanel::onChipClicked(int index, bool additive) {
  QList<int> selection = selection_;
  if (additive && selection.contains(index))
    selection.removeAll(index);
  else if (additive)
    selection << index;
  else if (selection == QList<int>{index})
    selection.clear();
  else
    selection = {index};
  setSelection(selection);
}

void AttentionPanel::setSelection(const QList<int>& selection) {
  const QList<AttentionSubject> all = subjects();
  QList<int> chosen;
  for (int index : selection) {
    const AttentionSubject* subject = findSubject(all, index);
    if (subject && subject->hasMap() && !chosen.contains(index)) chosen << index;
  }
  const QList<int> added = [&] {
    QList<int> fresh;
    for (int index : chosen)
      if (!selection_.contains(index)) fresh << index;
    return fresh;
  }();
  selection_ = chosen;
  for (int i = 0; i < chips_.size(); ++i) chips_[i]->setChecked(selection_.contains(all[i].index));
  render();
  for (int index : added) Q_EMIT wordSelected(index);
  Q_EMIT selectionChanged(selection_);
}

int AttentionPanel::step() const {
  const ImageAttention* attention = current();
  return attention && attention->steps() > 0 ? stepSlider_->value() : 0;
}

void AttentionPanel::setStep(int step) { stepSlider_->setValue(step); }

void AttentionPanel::setStepRange(int first, int last) {
  setStep(last);
  firstStepBox_->setValue(first);
}

void AttentionPanel::onLastStepChanged() {
  {
    const QSignalBlocker blocker(firstStepBox_);  // one render for the two
    firstStepBox_->setMaximum(stepSlider_->value());
  }
  render();
}

MapView AttentionPanel::view() const {
  MapView view(step());
  if (view.last > 0) view.first = firstStepBox_->value();
  const ImageAttention* attention = current();
  if (attention && size_t(layerChoice_->currentIndex() - 1) < attention->layers.size()) {
    view.layer = layerChoice_->currentIndex() - 1;
    view.head = headChoice_->currentIndex() - 1;
  }
  return view;
}

void AttentionPanel::setLayer(int layer, int head) {
  layerChoice_->setCurrentIndex(layer + 1);
  headChoice_->setCurrentIndex(head + 1);
}

bool AttentionPanel::keepsLayerMaps() const { return keepLayerMapsBox_->isChecked(); }

void AttentionPanel::setKeepsLayerMaps(bool keep) { keepLayerMapsBox_->setChecked(keep); }

// The kept layers of the shown maps, "all layers" first; the choice stays where the image has it.
void AttentionPanel::buildLayerChoice() {
  const ImageAttention* attention = current();
  const std::vector<LayerMaps> none;
  const std::vector<LayerMaps>& layers = attention ? attention->layers : none;
  layerRow_->setVisible(!layers.empty());
  const int chosen = layerChoice_->currentIndex();
  const QSignalBlocker blocker(layerChoice_);
  layerChoice_->clear();
  layerChoice_->addItem(tr("All layers"));
  for (const LayerMaps& layer : layers) {
    layerChoice_->addItem(layerLabel(layer));
    layerChoice_->setItemData(layerChoice_->count() - 1, layer.name, Qt::ToolTipRole);
  }
  layerChoice_->setCurrentIndex(chosen < layerChoice_->count() ? std::max(chosen, 0) : 0);
  buildHeadChoice();
}

// The chosen layer's heads; the step range does not apply to a layer's maps, which are the run's.
void AttentionPanel::buildHeadChoice() {
  const ImageAttention* attention = current();
  const int layer = layerChoice_->currentIndex() - 1;
  const int heads = attention && size_t(layer) < attention->layers.size() ? attention->layers[size_t(layer)].heads : 0;
  const int head = headChoice_->currentIndex();
  {
    const QSignalBlocker blocker(headChoice_);
    headChoice_->clear();
    headChoice_->addItem(tr("All heads"));
    for (int i = 1; i <= heads; ++i) headChoice_->addItem(tr("Head %1 of %2").arg(i).arg(heads));
    headChoice_->setCurrentIndex(head < headChoice_->count() ? std::max(head, 0) : 0);
  }
  headChoice_->setEnabled(heads > 0);
  stepRow_->setEnabled(heads == 0);
  stepRow_->setToolTip(heads > 0 ? tr("A layer's maps are over the whole run: choose all layers for a step range")
                                 : QString());
}

double AttentionPanel::opacity() const { return opacitySlider_->value() / 100.0; }

void AttentionPanel::setOpacity(double opacity) { opacitySlider_->setValue(int(std::lround(opacity * 100))); }

// An edited prompt: what it read at the slider's step, or, without step maps, its texts.
void AttentionPanel::showTextInForce() {
  const ImageAttention* attention = current();
  textInForce_->setVisible(attention && !attention->texts.isEmpty());
  if (!attention || attention->texts.isEmpty()) return;
  const int text = attention->textAt(step());
  if (text >= 0) {
    textInForce_->setText(tr("At this step the prompt read: \u201c%1\u201d").arg(attention->texts[text].text));
    return;
  }
  QStringList texts;
  for (const TextMaps& each : attention->texts) texts << tr("\u201c%1\u201d (%2)").arg(each.text, stepList(each.steps));
  textInForce_->setText(tr("The prompt read, in turn: %1").arg(texts.join(QStringLiteral("; "))));
}

void AttentionPanel::showSharesAt(const QPoint& pixel) {
  hoveredPixel_ = pixel;
  showShares();
}

QString AttentionPanel::sharesText() const { return shares_->text(); }

void AttentionPanel::showShares() {
  const ImageAttention* attention = current();
  const QList<WordShare> shares =
      attention ? wordSharesAt(*attention, view(), hoveredPixel_, images_[imageIndex_].size()) : QList<WordShare>();
  shares_->setText(shares.isEmpty() ? tr("Point at the image to rank the words by their share of the attention there.")
                                    : tr("At the pointer: %1").arg(shareList(shares)));
}

void AttentionPanel::showStepCost() {
  const ImageAttention* attention = current();
  const double ms = attention ? attention->captureMsPerStep : 0;
  stepCost_->setVisible(ms > 0);
  stepCost_->setText(tr("(keeping them: ~%1 ms a step)").arg(QLocale().toString(ms, 'f', 1)));
}

// Two chosen subjects: how much their maps cover the same place.
void AttentionPanel::showOverlap(const QList<AttentionSubject>& chosen) {
  const ImageAttention* attention = current();
  const std::optional<MapOverlap> overlap =
      attention && chosen.size() == 2 ? mapOverlap(*attention, chosen[0], chosen[1], view()) : std::nullopt;
  overlap_->setVisible(overlap.has_value());
  if (!overlap) return;
  const long percent = std::lround(overlap->topFraction * 100);
  overlap_->setText(tr("\u201c%1\u201d and \u201c%2\u201d overlap: IoU %3 of their top %4 %")
                        .arg(chosen[0].label, chosen[1].label, QLocale().toString(overlap->iou, 'f', 2))
                        .arg(percent));
  overlap_->setToolTip(tr("The intersection over union of the two maps' top regions, each map's top %1 % of pixels "
                          "(ties at its threshold included): 1 is the same region, 0 no pixel in common")
                           .arg(percent));
}

void AttentionPanel::render() {
  overlay_ = {};
  overlap_->hide();
  gridOverlays_.clear();
  gridLayout_->clear();
  const ImageAttention* attention = current();
  if (const int steps = attention ? attention->steps() : 0; steps > 0)
    stepLabel_->setText(tr("%1–%2 of %3", "steps 3–10 of 25").arg(firstStepBox_->value()).arg(stepSlider_->value()).arg(steps));
  showTextInForce();
  showShares();
  showStepCost();
  if (attention && !selection_.isEmpty()) {
    try {
      const QList<AttentionSubject> chosen = selectedSubjects();
      const QImage& image = images_[imageIndex_];
      overlay_ = attentionOverlay(image, *attention, chosen.last(), view(), opacity());
      if (chosen.size() > 1) {
        const QImage small = image.scaled(kTile, kTile, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        for (const AttentionSubject& subject : chosen) {
          gridOverlays_ << attentionOverlay(small, *attention, subject, view(), opacity());
          gridLayout_->addWidget(makeTile(gridOverlays_.last(), subject.label));
        }
      }
      showOverlap(chosen);
    } catch (const std::exception& error) {
      showStatus(QString::fromUtf8(error.what()));
    }
  }
  grid_->setVisible(!gridOverlays_.isEmpty());
  legend_->setVisible(!overlay_.isNull());
  exportOverlaysButton_->setEnabled(!selection_.isEmpty());
  Q_EMIT overlayChanged(overlay_);
}

QCoro::Task<QString> AttentionPanel::exportOverlays(QString folder) {
  if (!current() || selection_.isEmpty()) co_return tr("Choose one or more words first.");
  const QString prefix = (images_.size() > 1 ? QStringLiteral("image%1-").arg(imageIndex_ + 1) : QString()) +
                         (negative_ ? QStringLiteral("negative-") : QString());
  // Named, not a temporary inside co_await: GCC 12 destroys such lambda temporaries twice.
  QFuture<QString> written = runInPool(
      [folder, prefix, image = images_[imageIndex_], attention = *current(),
       subjects = selectedSubjects(), view = view(), opacity = opacity()] {
        try {
          if (!QDir().mkpath(folder)) return tr("Cannot create the folder %1").arg(folder);
          writeAttentionOverlays(folder, prefix, image, attention, subjects, view, opacity);
          return QString();
        } catch (const std::exception& error) {
          return QString::fromUtf8(error.what());
        }
      });
  co_return co_await written;
}

QCoro::Task<QString> AttentionPanel::exportMaps(QString path) {
  if (!current()) co_return tr("There are no attention maps to export.");
  QFuture<QString> written = runInPool([path, attention = negative_ ? negativeAttention_ : attention_] {
    try {
      writeAttentionMaps(path, attention);
      return QString();
    } catch (const std::exception& error) {
      return QString::fromUtf8(error.what());
    }
  });
  co_return co_await written;
}

void AttentionPanel::chooseOverlayFolder() {
  const QString start = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Export overlays to"), start);
  if (folder.isEmpty()) return;
  const int count = int(selection_.size());
  [](QPointer<AttentionPanel> self, QString folder, int count) -> QCoro::Task<> {
    const QString error = co_await self->exportOverlays(folder);
    if (self)
      self->showStatus(error.isEmpty() ? tr("Saved %n overlay(s) to %1.", nullptr, count).arg(folder) : error);
  }(this, folder, count);
}

void AttentionPanel::chooseMapsFile() {
  const QString start = QDir(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
                            .filePath(QStringLiteral("attention.safetensors"));
  const QString path = QFileDialog::getSaveFileName(this, tr("Export attention maps"), start,
                                                    tr("safetensors (*.safetensors)"));
  if (path.isEmpty()) return;
  [](QPointer<AttentionPanel> self, QString path) -> QCoro::Task<> {
    const QString error = co_await self->exportMaps(path);
    if (self) self->showStatus(error.isEmpty() ? tr("Saved the maps to %1.").arg(path) : error);
  }(this, path);
}

void AttentionPanel::showStatus(const QString& text) { status_->setText(text); }

}  // namespace bksdm
