#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/image_output.h"
#include "cli/options.h"
#include "cli/run_options.h"
#include "core/generation/a1111_run.h"
#include "core/generation/grid.h"
#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "core/io/image_file.h"
#include "core/io/png.h"
#include "core/render/grid_image.h"

namespace bksdm::cli {
namespace {

namespace fs = std::filesystem;

struct Settings {
  ModelChoice model;
  RunOptions run;
  std::string x, y, z;
  std::string output = "grid.png";
};

// Where a grid's files go: OUTPUT (OUTPUT-K.png for each Z value), OUTPUT's stem + .json, and the
// cells in a folder beside them, named by their place.
struct GridFiles {
  fs::path output;
  fs::path index() const { return fs::path(output).replace_extension(".json"); }
  fs::path cells() const { return output.parent_path() / (output.stem().string() + "-cells"); }
  fs::path cell(const GridCell& cell) const {
    return cells() / ("x" + std::to_string(cell.position[0]) + "-y" + std::to_string(cell.position[1]) + "-z" +
                      std::to_string(cell.position[2]) + ".png");
  }
  fs::path grid(size_t z, size_t count) const { return numbered_path(output.string(), int(z), int(count)); }
};

struct Grid {
  std::vector<GridAxis> axes;
  std::vector<GridCell> cells;
  size_t count(size_t axis) const { return axis < axes.size() ? axes[axis].values.size() : 1; }
};

Grid planned_grid(const Settings& settings, const GenerationRequest& base) {
  Grid grid;
  for (const std::string* text : {&settings.x, &settings.y, &settings.z})
    if (!text->empty()) grid.axes.push_back(parse_grid_axis(*text, base));
  if (grid.axes.empty()) throw Error("a grid needs --x (and --y, --z as wanted)");
  if (settings.y.empty() && !settings.z.empty()) throw Error("--z needs --y");
  if (base.num_images != 1) throw Error("a grid's cells are one image each: leave out --images");
  grid.cells = grid_cells(base, grid.axes);
  return grid;
}

std::vector<std::string> labels_of(const Grid& grid, size_t axis) {
  std::vector<std::string> labels;
  if (axis < grid.axes.size())
    for (size_t i = 0; i < grid.axes[axis].values.size(); ++i) labels.push_back(axis_value_label(grid.axes[axis], i));
  return labels;
}

// The grid of Z value `z`, its cells' images from `images` (by cell index).
GridLayout layout_of(const Grid& grid, size_t z, const std::vector<RgbImage>& images) {
  GridLayout layout{{}, int(grid.count(0)), labels_of(grid, 0), labels_of(grid, 1), ""};
  if (grid.axes.size() > 2) layout.title = axis_value_label(grid.axes[2], z);
  const size_t per_grid = grid.count(0) * grid.count(1);
  for (size_t i = z * per_grid; i < (z + 1) * per_grid; ++i) layout.cells.push_back(images[grid.cells[i].made_by]);
  return layout;
}

// Every file and model the grid needs, checked before any model loads.
void check_grid(const Settings& settings, const Grid& grid, const GridFiles& files) {
  for (size_t z = 0; z < grid.count(2); ++z) check_output_path(files.grid(z, grid.count(2)), true);
  check_output_path(files.index(), true);
  check_output_path(files.cell(grid.cells.front()), true);
  check_grid_labels(layout_of(grid, 0, std::vector<RgbImage>(grid.cells.size())));
  std::map<std::string, bool> opened;
  for (const GridCell& cell : grid.cells)
    if (opened.emplace(cell.request.model.id, true).second)
      ModelChoice{cell.request.model.id, settings.model.config}.open(settings.run.variant);
}

// Each file hashed once however many cells name it.
FileHasher cached_hasher() {
  auto cache = std::make_shared<std::map<std::pair<int, fs::path>, std::string>>();
  const auto cached = [cache](int kind, auto hash) {
    return [cache, kind, hash](const fs::path& file) {
      auto [entry, added] = cache->try_emplace({kind, file});
      if (added) entry->second = hash(file);
      return entry->second;
    };
  };
  const FileHasher plain;
  return {cached(0, plain.whole), cached(1, plain.tensor_data)};
}

// The cell's image made by an earlier grid when its file says the same description.
std::optional<RgbImage> made_before(const fs::path& file, const std::string& parameters) {
  std::error_code error;
  if (!fs::is_regular_file(file, error)) return std::nullopt;
  const std::vector<PngText> texts = read_png_text(file, {"parameters"});
  if (texts.empty() || texts.front().text != parameters) return std::nullopt;
  return read_image(file);
}

nlohmann::json index_of(const Grid& grid, const GridFiles& files) {
  const fs::path folder = files.output.parent_path();
  const auto relative = [&](const fs::path& path) { return path.lexically_relative(folder.empty() ? "." : folder).generic_string(); };
  nlohmann::json index = {{"axes", nlohmann::json::array()}, {"grids", nlohmann::json::array()}, {"cells", nlohmann::json::array()}};
  for (size_t a = 0; a < grid.axes.size(); ++a) {
    nlohmann::json axis = {{"axis", std::string(1, char('x' + a))}, {"kind", axis_kind_name(grid.axes[a].kind)},
                           {"values", grid.axes[a].values}, {"labels", labels_of(grid, a)}};
    if (!grid.axes[a].lora.empty()) axis["lora"] = grid.axes[a].lora;
    index["axes"].push_back(axis);
  }
  for (size_t z = 0; z < grid.count(2); ++z) index["grids"].push_back(relative(files.grid(z, grid.count(2))));
  for (const GridCell& cell : grid.cells)
    index["cells"].push_back({{"x", cell.position[0]}, {"y", cell.position[1]}, {"z", cell.position[2]},
                              {"file", relative(files.cell(grid.cells[cell.made_by]))},
                              {"seed", cell.request.seed}});
  return index;
}

void add_options(CLI::App& command, Settings& settings) {
  add_model_options(command, settings.model);
  add_run_options(command, settings.run);
  const char* forms = "\"KIND: VALUES\"; KIND one of prompt s/r, seed, guidance, steps, scheduler, size, model, "
                      "strength, lora NAME; VALUES comma-separated, with A1111's ranges 1-5, 4-11 (+1.5), 10-50 [5]";
  command.add_option("--x", settings.x, std::string("the columns' axis: ") + forms)->required()->check(utf8_text());
  command.add_option("--y", settings.y, "the rows' axis, as --x")->check(utf8_text());
  command.add_option("--z", settings.z, "one grid per value, as --x")->check(utf8_text());
  command.add_option("--output", settings.output,
                     "the grid's PNG (one per Z value: FILE-0.png, ...); its cells go to FILE-cells/, its index "
                     "to FILE.json")
      ->check(png_file())
      ->type_name("FILE")
      ->capture_default_str();
}

int make_grid(const Settings& settings) {
  const GridFiles files{settings.output};
  GenerationRequest base = base_request(settings.run);
  base.model.id = settings.model.model;
  const Grid grid = planned_grid(settings, base);
  check_grid(settings, grid, files);
  const std::vector<size_t> order = grid_run_order(grid.cells);
  const bool quiet = settings.run.quiet;
  if (!quiet) std::fprintf(stderr, "%zu cells, %zu to make\n", grid.cells.size(), order.size());

  const FileHasher hasher = cached_hasher();
  std::vector<RgbImage> images(grid.cells.size());
  std::vector<std::string> parameters(grid.cells.size());  // each made cell's A1111 text
  std::unique_ptr<StableDiffusionPipeline> pipeline;
  std::string loaded;
  for (size_t made = 0; made < order.size(); ++made) {
    const GridCell& cell = grid.cells[order[made]];
    GenerationRequest request = with_prompt_loras(cell.request, settings.run);
    if (!pipeline || loaded != cell.request.model.id) {
      pipeline.reset();  // one model in memory at a time
      pipeline = load_pipeline({cell.request.model.id, settings.model.config}, settings.run, request, hasher);
      loaded = cell.request.model.id;
    }
    request.model = {cell.request.model.id, pipeline->model().name(), {}};
    add_file_hashes(request, pipeline->model(), settings.run.load.vae, hasher);
    const fs::path file = files.cell(cell);
    parameters[order[made]] = format_a1111_parameters(a1111_parameters(pipeline->resolved(request), 0));
    if (!quiet) std::fprintf(stderr, "cell %zu/%zu: %s\n", made + 1, order.size(), file.string().c_str());
    if (std::optional<RgbImage> kept = made_before(file, parameters[order[made]])) {
      images[order[made]] = std::move(*kept);
      if (!quiet) std::fprintf(stderr, "made before, with the same description: kept\n");
      continue;
    }
    const GenerationResult result = run_generation(*pipeline, request, quiet);
    write_images(file.string(), result.images, result.request);
    images[order[made]] = to_rgb_image(result.images[0]);
  }
  pipeline.reset();

  for (size_t z = 0; z < grid.count(2); ++z) {
    const fs::path path = files.grid(z, grid.count(2));
    // As A1111 saves a grid: with its first cell's text.
    const size_t first = grid.cells[z * grid.count(0) * grid.count(1)].made_by;
    write_png(path, draw_grid(layout_of(grid, z, images)), {{"parameters", parameters[first]}});
    std::printf("%s\n", path.string().c_str());
  }
  const std::string index = index_of(grid, files).dump(2) + "\n";
  write_file_atomically(files.index(), {index});
  std::printf("%s\n", files.index().string().c_str());
  return 0;
}

}  // namespace

Command add_grid(CLI::App& bksdm) {
  CLI::App* command = bksdm.add_subcommand("grid", "an X/Y/Z grid of runs, as A1111's X/Y/Z plot: one image per cell");
  auto settings = std::make_shared<Settings>();
  add_options(*command, *settings);
  return {command, [settings] { return make_grid(*settings); }};
}

}  // namespace bksdm::cli
