#include "ui/grid_panel.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bksdm {
namespace {

constexpr int kThumbnail = 128;

struct KindChoice {
  const char* kind;  // as axis texts write it; empty: no axis
  const char* label;
  const char* example;
};

// The axes the app's grids take, as `bksdm grid` names them.
const KindChoice kKinds[] = {
    {"", QT_TRANSLATE_NOOP("bksdm::GridPanel", "None"), ""},
    {"prompt s/r", QT_TRANSLATE_NOOP("bksdm::GridPanel", "Prompt S/R"), QT_TRANSLATE_NOOP("bksdm::GridPanel", "cat, dog, fox: the first is searched in the prompts")},
    {"seed", QT_TRANSLATE_NOOP("bksdm::GridPanel", "Seed"), QT_TRANSLATE_NOOP("bksdm::GridPanel", "1, 2, 3, or +4: four from the form's seed")},
    {"steps", QT_TRANSLATE_NOOP("bksdm::GridPanel", "Steps"), QT_TRANSLATE_NOOP("bksdm::GridPanel", "10, 25, 50, or 10-50 [5]")},
    {"guidance", QT_TRANSLATE_NOOP("bksdm::GridPanel", "Guidance"), QT_TRANSLATE_NOOP("bksdm::GridPanel", "5, 7.5, 9, or 4-11 (+1.5)")},
    {"scheduler", QT_TRANSLATE_NOOP("bksdm::GridPanel", "Sampler"), QT_TRANSLATE_NOOP("bksdm::GridPanel", "Euler a, DDIM, DPM++ 2M Karras")},
    {"size", QT_TRANSLATE_NOOP("bksdm::GridPanel", "Size"), QT_TRANSLATE_NOOP("bksdm::GridPanel", "512x512, 640x384")},
    {"strength", QT_TRANSLATE_NOOP("bksdm::GridPanel", "Denoising strength"), QT_TRANSLATE_NOOP("bksdm::GridPanel", "0.3-0.9 [4]")},
    {"lora", QT_TRANSLATE_NOOP("bksdm::GridPanel", "LoRA multiplier"), QT_TRANSLATE_NOOP("bksdm::GridPanel", "NAME: 0, 0.5, 1")},
    {"model", QT_TRANSLATE_NOOP("bksdm::GridPanel", "Model"),
     QT_TRANSLATE_NOOP("bksdm::GridPanel", "repo ids or folders: nota-ai/bk-sdm-small, CompVis/stable-diffusion-v1-4")},
};

QString durationText(double seconds) {
  if (seconds < 90) return GridPanel::tr("%1 s").arg(int(seconds + 0.5));
  if (seconds < 5400) return GridPanel::tr("%1 min").arg(int(seconds / 60 + 0.5));
  return GridPanel::tr("%1 h").arg(seconds / 3600, 0, 'f', 1);
}

}  // namespace

GridPanel::GridPanel(QWidget* parent) : QWidget(parent) {
  auto* form = new QFormLayout;
  for (const QString& axis : {tr("X (columns)"), tr("Y (rows)"), tr("Z (grids)")}) {
    auto* kind = new QComboBox;
    for (const KindChoice& choice : kKinds) kind->addItem(tr(choice.label), QString::fromLatin1(choice.kind));
    auto* values = new QLineEdit;
    values->setClearButtonEnabled(true);
    connect(kind, &QComboBox::currentIndexChanged, this, [this, kind, values] {
      values->setPlaceholderText(tr(kKinds[kind->currentIndex()].example));
      values->setEnabled(kind->currentIndex() > 0);
      check();
    });
    connect(values, &QLineEdit::textChanged, this, &GridPanel::check);
    connect(values, &QLineEdit::returnPressed, this, [this] { make_->click(); });
    values->setEnabled(false);
    auto* row = new QHBoxLayout;
    row->addWidget(kind);
    row->addWidget(values, 1);
    form->addRow(axis, row);
    kinds_ << kind;
    values_ << values;
  }
  summary_ = new QLabel;
  summary_->setWordWrap(true);
  make_ = new QPushButton(tr("Make Grid"));
  make_->setEnabled(false);
  connect(make_, &QPushButton::clicked, this, [this] {
    const GridPlanning planning = planGrid(baseSource_ ? baseSource_() : GenerationParams{}, axisTexts());
    if (planning.error.isEmpty()) Q_EMIT gridRequested(planning.plan);
    else summary_->setText(planning.error);
  });
  auto* actions = new QHBoxLayout;
  actions->addWidget(summary_, 1);
  actions->addWidget(make_);
  gridChoice_ = new QComboBox;
  gridChoice_->setVisible(false);
  connect(gridChoice_, &QComboBox::currentIndexChanged, this, [this](int z) { showGrid(z); });
  table_ = new QTableWidget;
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setIconSize(QSize(kThumbnail, kThumbnail));
  table_->horizontalHeader()->setDefaultSectionSize(kThumbnail + 8);
  table_->verticalHeader()->setDefaultSectionSize(kThumbnail + 8);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  connect(table_, &QTableWidget::cellActivated, this, [this](int row, int column) {
    const int cell = cellAt(row, column);
    if (cell < images_.size() && !images_[cell].isNull()) Q_EMIT cellActivated(plan_.cells[cell], images_[cell]);
  });
  auto* reuse = new QAction(tr("Reuse Settings (with This Seed)"), table_);
  connect(reuse, &QAction::triggered, this, [this] {
    const int cell = cellAt(table_->currentRow(), table_->currentColumn());
    if (cell >= 0 && cell < plan_.cells.size()) Q_EMIT reuseRequested(plan_.cells[cell]);
  });
  table_->addAction(reuse);
  table_->setContextMenuPolicy(Qt::ActionsContextMenu);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addLayout(actions);
  layout->addWidget(gridChoice_);
  layout->addWidget(table_, 1);
}

void GridPanel::setPace(const GenerationParams& params, double seconds, double decodeSeconds) {
  paceParams_ = params;
  paceSeconds_ = seconds;
  paceDecodeSeconds_ = decodeSeconds;
  check();
}

QStringList GridPanel::axisTexts() const {
  QStringList texts;
  for (int axis = 0; axis < kinds_.size(); ++axis) {
    const QString kind = kinds_[axis]->currentData().toString();
    const QString values = values_[axis]->text().trimmed();
    if (kind.isEmpty()) texts << QString();
    else if (kind == QLatin1String("lora")) texts << kind + QLatin1Char(' ') + values;
    else texts << kind + QStringLiteral(": ") + values;
  }
  return texts;
}

void GridPanel::setAxis(int axis, const QString& kind, const QString& values) {
  kinds_[axis]->setCurrentIndex(std::max(0, kinds_[axis]->findData(kind)));
  values_[axis]->setText(values);
}

void GridPanel::check() {
  const GridPlanning planning = planGrid(baseSource_ ? baseSource_() : GenerationParams{}, axisTexts());
  make_->setEnabled(planning.error.isEmpty());
  if (!planning.error.isEmpty()) {
    summary_->setText(planning.error);
    return;
  }
  const GridPlan& plan = planning.plan;
  QString text = tr("Images: %1").arg(plan.cells.size());
  if (plan.runOrder.size() < plan.cells.size()) text += tr(" \u00b7 to make: %1").arg(plan.runOrder.size());
  const double seconds = gridSeconds(plan, paceParams_, paceSeconds_, paceDecodeSeconds_);
  text += seconds > 0 ? tr(" \u00b7 about %1 at the last run's pace").arg(durationText(seconds))
                      : tr(" \u00b7 the time is known once a run has been made");
  summary_->setText(text);
}

void GridPanel::start(const GridPlan& plan) {
  plan_ = plan;
  images_ = QList<QImage>(plan.cells.size());
  missing_ = QStringList(plan.cells.size());
  const QSignalBlocker blocker(gridChoice_);
  gridChoice_->clear();
  gridChoice_->addItems(plan.gridTitles);
  gridChoice_->setVisible(plan.grids > 1);
  showGrid(0);
}

void GridPanel::setCellImage(int cell, const QImage& image) {
  for (const int i : cellsMadeBy(cell)) {
    images_[i] = image;
    refreshCell(i);
  }
}

void GridPanel::setCellMissing(int cell, const QString& why) {
  for (const int i : cellsMadeBy(cell)) {
    missing_[i] = why;
    refreshCell(i);
  }
}

QList<int> GridPanel::cellsMadeBy(int cell) const {
  QList<int> cells;
  for (int i = 0; i < plan_.cells.size(); ++i)
    if (plan_.madeBy[i] == cell) cells << i;
  return cells;
}

void GridPanel::showGrid(int z) {
  table_->clear();
  table_->setColumnCount(plan_.columns);
  table_->setRowCount(plan_.rows);
  table_->setHorizontalHeaderLabels(plan_.columnLabels);
  table_->setVerticalHeaderLabels(plan_.rowLabels.isEmpty() ? QStringList(QString()) : plan_.rowLabels);
  for (int i = z * plan_.cellsPerGrid(); i < (z + 1) * plan_.cellsPerGrid() && i < plan_.cells.size(); ++i) refreshCell(i);
}

int GridPanel::cellAt(int row, int column) const {
  if (row < 0 || column < 0) return -1;
  return plan_.cellIndex(column, row, std::max(0, gridChoice_->currentIndex()));
}

void GridPanel::refreshCell(int cell) {
  const int z = cell / plan_.cellsPerGrid();
  if (z != std::max(0, gridChoice_->currentIndex())) return;
  const int inGrid = cell % plan_.cellsPerGrid();
  auto* item = new QTableWidgetItem;
  if (!images_[cell].isNull()) {
    item->setIcon(QPixmap::fromImage(images_[cell].scaled(kThumbnail, kThumbnail, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    item->setToolTip(plan_.cells[cell].prompt);
  } else {
    item->setText(missing_[cell].isEmpty() ? tr("waiting") : missing_[cell]);
    item->setTextAlignment(Qt::AlignCenter);
  }
  table_->setItem(inGrid / plan_.columns, inGrid % plan_.columns, item);
}

}  // namespace bksdm
