#pragma once
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include "app/generation_params.h"

namespace bksdm {

// An X/Y/Z grid of the app's runs (the core's grid, as `bksdm grid` makes it): the description of
// each cell, the labels, and which cells run in which order.
struct GridPlan {
  QStringList axisTexts;           // x, y, z as written ("steps: 10, 20"); fewer where axes are missing
  QList<GenerationParams> cells;   // z outermost, x innermost
  QList<int> madeBy;               // each cell's maker: the first cell of the same description
  QList<int> runOrder;             // the cells that run, in order
  int columns = 1, rows = 1, grids = 1;
  QStringList columnLabels, rowLabels, gridTitles;  // empty where the axis is missing

  int cellsPerGrid() const { return columns * rows; }
  int cellIndex(int x, int y, int z) const { return (z * rows + y) * columns + x; }
};

struct GridPlanning {
  GridPlan plan;
  QString error;  // which axis or value is wrong; empty when the plan is whole
};

// The grid of `base` under `axisTexts` (x, y, z; empty texts are no axis): each value checked as
// the CLI checks it; a model axis's values are the model list's locations.
GridPlanning planGrid(const GenerationParams& base, const QStringList& axisTexts);

// The seconds the cells to make will take, at the pace of `lastSeconds` spent on a run of
// `lastParams` (denoising in proportion to steps x pixels, the rest to pixels); 0 when no run is known.
double gridSeconds(const GridPlan& plan, const GenerationParams& lastParams, double lastSeconds, double lastDecodeSeconds);

// Grid `z` drawn as the CLI draws it, from the cells' images (by cell index; a null image is a
// cell not made).
QImage gridImage(const GridPlan& plan, int z, const QList<QImage>& cellImages);

}  // namespace bksdm
