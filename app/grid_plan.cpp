#include "app/grid_plan.h"

#include <array>

#include <QCoreApplication>

#include "app/tensor_image.h"
#include "core/generation/generation_request.h"
#include "core/generation/grid.h"
#include "core/io/error_text.h"
#include "core/render/grid_image.h"

namespace bksdm {
namespace {

QStringList labels(const GridAxis& axis) {
  QStringList labels;
  for (size_t i = 0; i < axis.values.size(); ++i) labels << QString::fromStdString(axis_value_label(axis, i));
  return labels;
}

// The cell's description: the base's, with what an axis can change taken from the core's cell.
GenerationParams cellParams(const GenerationParams& base, const GenerationRequest& cell) {
  const GenerationParams varied = fromRequest(cell);
  GenerationParams params = base;
  params.modelId = varied.modelId;
  params.prompt = varied.prompt;
  params.negativePrompt = varied.negativePrompt;
  params.seed = varied.seed;
  params.steps = varied.steps;
  params.guidanceScale = varied.guidanceScale;
  params.scheduler = varied.scheduler;
  params.width = varied.width;
  params.height = varied.height;
  params.strength = varied.strength;
  return params;
}

RgbImage rgbOf(const QImage& image) {
  if (image.isNull()) return {};
  const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  RgbImage converted{rgb.width(), rgb.height(), {}};
  converted.pixels.reserve(size_t(rgb.width()) * rgb.height() * 3);
  for (int y = 0; y < rgb.height(); ++y)
    converted.pixels.insert(converted.pixels.end(), rgb.constScanLine(y), rgb.constScanLine(y) + rgb.width() * 3);
  return converted;
}

std::vector<std::string> utf8(const QStringList& texts) {
  std::vector<std::string> converted;
  for (const QString& text : texts) converted.push_back(text.toStdString());
  return converted;
}

}  // namespace

GridPlanning planGrid(const GenerationParams& base, const QStringList& axisTexts) {
  const QStringList names{QStringLiteral("X"), QStringLiteral("Y"), QStringLiteral("Z")};
  qsizetype given = axisTexts.size();
  while (given > 0 && axisTexts[given - 1].trimmed().isEmpty()) --given;
  if (given == 0) return {{}, QCoreApplication::translate("GridPlan", "Give the X axis.")};
  if (given > names.size()) return {{}, QCoreApplication::translate("GridPlan", "A grid has at most three axes.")};
  for (qsizetype i = 0; i < given; ++i)
    if (axisTexts[i].trimmed().isEmpty())
      return {{}, QCoreApplication::translate("GridPlan", "Give the %1 axis before the %2.").arg(names[i], names[given - 1])};
  if (base.numImages != 1)
    return {{}, QCoreApplication::translate("GridPlan", "A grid's cells are one image each: set Images to 1.")};
  GridPlanning planning;
  GridPlan& plan = planning.plan;
  try {
    GenerationRequest request = describedRequest(base);
    if (!base.initImage.isEmpty()) request.init_image = RgbImage{1, 1, {0, 0, 0}};  // what the strength axis asks
    std::vector<GridAxis> axes;
    for (qsizetype i = 0; i < given; ++i) {
      axes.push_back(parse_grid_axis(axisTexts[i].toStdString(), request));
      plan.axisTexts << axisTexts[i];
    }
    const std::vector<GridCell> cells = grid_cells(request, axes);
    for (const GridCell& cell : cells) {
      plan.cells << cellParams(base, cell.request);
      plan.madeBy << int(cell.made_by);
    }
    for (size_t index : grid_run_order(cells)) plan.runOrder << int(index);
    const std::array<int*, 3> counts{&plan.columns, &plan.rows, &plan.grids};
    const std::array<QStringList*, 3> axisLabels{&plan.columnLabels, &plan.rowLabels, &plan.gridTitles};
    for (size_t a = 0; a < axes.size(); ++a) {
      *counts[a] = int(axes[a].values.size());
      *axisLabels[a] = labels(axes[a]);
    }
  } catch (const std::exception& error) {
    return {{}, QString::fromStdString(user_message(error))};
  }
  return planning;
}

double gridSeconds(const GridPlan& plan, const GenerationParams& lastParams, double lastSeconds, double lastDecodeSeconds) {
  const double lastPixels = double(lastParams.width) * lastParams.height;
  const int lastSteps = stepsThatRun(lastParams);
  if (lastSeconds <= 0 || lastPixels <= 0 || lastSteps <= 0) return 0;
  const double perStepPixel = (lastSeconds - lastDecodeSeconds) / (lastSteps * lastPixels);
  const double decodePerPixel = lastDecodeSeconds / lastPixels;
  double seconds = 0;
  for (int index : plan.runOrder) {
    const GenerationParams& cell = plan.cells[index];
    const double pixels = double(cell.width > 0 ? cell.width : lastParams.width) * (cell.height > 0 ? cell.height : lastParams.height);
    seconds += pixels * (perStepPixel * stepsThatRun(cell) + decodePerPixel);
  }
  return seconds;
}

QImage gridImage(const GridPlan& plan, int z, const QList<QImage>& cellImages) {
  GridLayout layout{{}, plan.columns, utf8(plan.columnLabels), utf8(plan.rowLabels), ""};
  if (z < plan.gridTitles.size()) layout.title = plan.gridTitles[z].toStdString();
  for (int i = z * plan.cellsPerGrid(); i < (z + 1) * plan.cellsPerGrid(); ++i) layout.cells.push_back(rgbOf(cellImages.value(plan.madeBy[i])));
  const RgbImage drawn = draw_grid(layout);
  return imageFromRgb(drawn.pixels, drawn.width, drawn.height);
}

}  // namespace bksdm
