// A step range and one layer's (one head's) maps, against a hand-made core accumulator: a range
// 1..k is "up to k", a range a..b what an accumulator that saw only those steps makes of them, a
// layer's view core's layer_map; and the panel's range, layer and head choices.
#include <random>

#include <ATen/ATen.h>
#include <QComboBox>
#include <QSpinBox>
#include <QtTest>

#include "app/attention/attention_render.h"
#include "app/attention/attention_view.h"
#include "core/pipeline/attention_maps.h"
#include "ui/attention/attention_panel.h"

using namespace bksdm;

namespace {

constexpr int kMap = 8, kSteps = 4, kSlots = ImageAttention::kChunkSlots;

struct Layer {
  std::string name;
  int64_t h, w, heads;
};
const std::vector<Layer> kLayers = {{"down_blocks.0.attentions.0.transformer_blocks.0.attn2", 4, 4, 2},
                                    {"up_blocks.1.attentions.1.transformer_blocks.0.attn2", 2, 2, 3}};

// One U-Net call's probabilities of every layer, [1, heads, h*w, slots]. `sharpness` 0.1 keeps
// every probability within a factor 1.5 of another, so the bicubic kernel (its negative lobes
// weigh 0.07 against 0.57) cannot dip below 0 and a range is exact; 10 makes it dip.
std::vector<at::Tensor> stepProbs(double sharpness) {
  std::vector<at::Tensor> probs;
  for (const Layer& layer : kLayers)
    probs.push_back(at::softmax(at::randn({1, layer.heads, layer.h * layer.w, kSlots}) * sharpness, -1));
  return probs;
}

void add(AttentionMapAccumulator& accumulator, const std::vector<at::Tensor>& probs) {
  for (size_t l = 0; l < kLayers.size(); ++l) accumulator.add(kLayers[l].name, probs[l], kLayers[l].h, kLayers[l].w);
}

std::vector<float> floats(const at::Tensor& maps) {
  const at::Tensor flat = maps.contiguous();
  return {flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel()};
}

// What an accumulator that saw only steps first..last makes of them, at the run's last step
// (`exact`, core's maps) or any other (its running maps), as the pipeline hands them out.
std::vector<float> ownMaps(const std::vector<std::vector<at::Tensor>>& steps, int first, int last, bool exact) {
  AttentionMapAccumulator own(1, 0);
  for (int k = first; k <= last; ++k) add(own, steps[size_t(k - 1)]);
  return floats((exact ? own.maps(kMap, kMap) : own.running_maps(kMap, kMap))[0]);
}

// A run of kSteps as the pipeline and AttentionCapture keep it: each step's running maps, the
// last step's and the final maps exact, and each layer's sums.
struct Run {
  std::vector<std::vector<at::Tensor>> steps;
  AttentionMapAccumulator accumulator{1, 0};
  ImageAttention attention;
};

Run madeUpRun(double sharpness) {
  at::manual_seed(11);
  Run run;
  run.attention.height = run.attention.width = kMap;
  run.attention.tokens << QStringLiteral("<|startoftext|>") << "red</w>" << "cat</w>";
  while (run.attention.tokens.size() < kSlots) run.attention.tokens << QStringLiteral("<|endoftext|>");
  run.attention.words = {{"red", {"red</w>"}, {1}, false}, {"cat", {"cat</w>"}, {2}, false}};
  for (int k = 1; k <= kSteps; ++k) {
    run.steps.push_back(stepProbs(sharpness));
    add(run.accumulator, run.steps.back());
    const bool last = k == kSteps;
    run.attention.stepMaps.push_back(
        floats((last ? run.accumulator.maps(kMap, kMap) : run.accumulator.running_maps(kMap, kMap))[0]));
  }
  run.attention.maps = run.attention.stepMaps.back();
  for (const LayerAttention& layer : run.accumulator.layer_sums())
    run.attention.layers.push_back(LayerMaps{QString::fromStdString(layer.layer), int(layer.h), int(layer.w),
                                             int(layer.sums.size(1)), floats(layer.sums[0])});
  return run;
}

MapView range(int first, int last) {
  MapView view(last);
  view.first = first;
  return view;
}

MapView layerView(int layer, int head) {
  MapView view;
  view.layer = layer;
  view.head = head;
  return view;
}

bool close(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && at::allclose(at::tensor(a), at::tensor(b), 1e-5, 1e-7);
}

}  // namespace

class AttentionViewsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void aRangeFromTheFirstStepIsTheMapsUpToItsLast() {
    const Run run = madeUpRun(0.1);
    for (int k = 1; k <= kSteps; ++k) QVERIFY(viewMaps(run.attention, range(1, k)) == run.attention.mapsAt(k));
    QVERIFY(viewMaps(run.attention, range(1, 0)) == run.attention.maps);
  }

  void aOneStepRangeIsThatStepsOwnMaps() {
    const Run run = madeUpRun(0.1);
    for (int k = 1; k <= kSteps; ++k)
      QVERIFY2(close(viewMaps(run.attention, range(k, k)), ownMaps(run.steps, k, k, k == kSteps)),
               qPrintable(QStringLiteral("step %1").arg(k)));
  }

  void aRangeIsWhatItsStepsAloneMake() {
    const Run run = madeUpRun(0.1);
    QVERIFY(close(viewMaps(run.attention, range(2, 3)), ownMaps(run.steps, 2, 3, false)));
    QVERIFY(close(viewMaps(run.attention, range(2, kSteps)), ownMaps(run.steps, 2, kSteps, true)));
    QVERIFY(close(viewMaps(run.attention, range(2, 0)), ownMaps(run.steps, 2, kSteps, true)));  // 0: the final maps
  }

  // Sharp maps, where the upsampling dips below 0: the difference is clamped as core clamps maps.
  void aRangeOfSharpMapsIsNeverBelowZero() {
    const Run run = madeUpRun(10);
    bool dipped = false;
    for (int k = 1; k < kSteps; ++k)
      dipped = dipped || !close(viewMaps(run.attention, range(k, k)), ownMaps(run.steps, k, k, false));
    QVERIFY(dipped);  // the premise: here the range is an approximation
    for (int k = 2; k <= kSteps; ++k)
      for (float value : viewMaps(run.attention, range(k, kSteps))) QVERIFY(value >= 0);
  }

  void aTextNotInForceInTheRangeHasNoMap() {
    Run run = madeUpRun(0.1);
    run.attention.texts = {{"a red cat", {1, 2}, {}, {}}, {"a blue cat", {3, 4}, {}, {}}};
    for (int k = 1; k <= kSteps; ++k) {
      run.attention.texts[0].stepMaps.push_back(run.attention.stepMaps[size_t(std::min(k, 2) - 1)]);
      run.attention.texts[1].stepMaps.push_back(k < 3 ? std::vector<float>() : run.attention.stepMaps[size_t(k - 1)]);
    }
    QVERIFY(viewMaps(run.attention, range(3, 4), 0).empty());
    QVERIFY(viewMaps(run.attention, range(1, 2), 1).empty());
    QVERIFY(viewMaps(run.attention, range(2, 4), 1) == run.attention.stepMaps[3]);  // came into force within it
    QVERIFY(close(viewMaps(run.attention, range(2, 2), 0), ownMaps(run.steps, 2, 2, false)));
  }

  void aLayersViewIsCoresLayerMap() {
    const Run run = madeUpRun(10);
    for (size_t l = 0; l < kLayers.size(); ++l)
      for (int head = -1; head < kLayers[l].heads; ++head)
        QVERIFY(close(viewMaps(run.attention, layerView(int(l), head)),
                      floats(run.accumulator.layer_map(kLayers[l].name, kMap, kMap, head)[0])));
  }

  void everyLayersAndHeadsViewAverageToTheRunsMaps() {
    const Run run = madeUpRun(10);
    at::Tensor sum = at::zeros({kSlots * kMap * kMap});
    int pairs = 0;
    for (size_t l = 0; l < kLayers.size(); ++l)
      for (int head = 0; head < kLayers[l].heads; ++head, ++pairs)
        sum += at::tensor(viewMaps(run.attention, layerView(int(l), head)));
    QVERIFY(at::allclose(sum / double(pairs), at::tensor(run.attention.maps), 1e-5, 1e-7));
  }

  void aTextsWordHasNoMapInALayersView() {
    const Run run = madeUpRun(0.1);
    QVERIFY(viewMaps(run.attention, layerView(0, -1), 0).empty());
  }

  void layerLabelsNameTheBlockAndResolution() {
    const Run run = madeUpRun(0.1);
    QCOMPARE(layerLabel(run.attention.layers[1]), QStringLiteral("up_blocks.1.attentions.1 (2\u00d72)"));
  }

  void thePanelShowsARangeAndClampsItsFirstStep() {
    const Run run = madeUpRun(0.1);
    AttentionPanel panel;
    panel.setResults({image()}, {run.attention});
    panel.setSelection({1});
    QCOMPARE(panel.firstStep(), 1);
    panel.setStepRange(2, 3);
    QCOMPARE(panel.firstStep(), 2);
    QCOMPARE(panel.step(), 3);
    const AttentionSubject cat = wordSubjects(run.attention)[1];
    QCOMPARE(panel.overlay(), attentionOverlay(image(), run.attention, cat, range(2, 3), 0.6));
    panel.setStep(1);  // the first step follows the last down
    QCOMPARE(panel.firstStep(), 1);
    QCOMPARE(panel.overlay(), attentionOverlay(image(), run.attention, cat, 1, 0.6));
  }

  void thePanelOffersTheKeptLayersAndTheirHeads() {
    const Run run = madeUpRun(0.1);
    AttentionPanel panel;
    panel.setResults({image()}, {run.attention});
    auto* layers = panel.findChild<QComboBox*>(QStringLiteral("layerChoice"));
    auto* heads = panel.findChild<QComboBox*>(QStringLiteral("headChoice"));
    QCOMPARE(layers->count(), 1 + int(kLayers.size()));
    QVERIFY(!heads->isEnabled());
    panel.setSelection({1});
    panel.setLayer(1, 2);
    QCOMPARE(heads->count(), 1 + int(kLayers[1].heads));
    QCOMPARE(panel.layer(), 1);
    QCOMPARE(panel.head(), 2);
    const AttentionSubject cat = wordSubjects(run.attention)[1];
    QCOMPARE(panel.overlay(), attentionOverlay(image(), run.attention, cat, layerView(1, 2), 0.6));
    QVERIFY(panel.overlay() != attentionOverlay(image(), run.attention, cat, layerView(1, 1), 0.6));
    QVERIFY(!panel.findChild<QSpinBox*>(QStringLiteral("firstStep"))->isEnabled());  // a layer's maps are the run's
    panel.setLayer(-1);
    QCOMPARE(panel.overlay(), attentionOverlay(image(), run.attention, cat, kSteps, 0.6));
  }

  void aRunWithoutLayersOffersNone() {
    Run run = madeUpRun(0.1);
    run.attention.layers.clear();
    AttentionPanel panel;
    panel.setResults({image()}, {run.attention});
    panel.show();
    QVERIFY(!panel.findChild<QComboBox*>(QStringLiteral("layerChoice"))->isVisible());
    QCOMPARE(panel.layer(), -1);
    QVERIFY(!panel.keepsLayerMaps());  // off unless asked for
  }

 private:
  static QImage image() {
    QImage plain(64, 64, QImage::Format_RGB888);
    plain.fill(qRgb(90, 90, 90));
    return plain;
  }
};

QTEST_MAIN(AttentionViewsTest)
#include "test_attention_views.moc"
