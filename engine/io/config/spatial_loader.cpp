// spatial: lattice, voxel, step, coupling, block, parameters, snapshots.
#include "engine/io/config/spatial_loader.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace icbsim {
namespace {

constexpr int kMaxVoxelsPerAxis = 4096;
constexpr double kMaxVoxels = 2e8;

std::array<int, 3> read_lattice(const ConfigNode& node) {
  const auto& items = node.items("spatial.lattice (voxels per axis)");
  if (items.size() != 2 && items.size() != 3)
    node.fail("spatial.lattice lists 2 (a section) or 3 (a box) numbers of voxels, e.g. [60, 60]");
  std::array<int, 3> v{1, 1, 1};
  double total = 1;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto n = items[i].as_unsigned("voxels per axis");
    if (n < 3 || n > kMaxVoxelsPerAxis)
      items[i].fail("a lattice axis needs 3 to " + std::to_string(kMaxVoxelsPerAxis) + " voxels");
    v[i] = static_cast<int>(n);
    total *= static_cast<double>(n);
  }
  if (total > kMaxVoxels) node.fail("spatial.lattice has more than 2e8 voxels");
  return v;
}

double positive(const ConfigNode& node, std::string_view unit, const std::string& what) {
  const double v = node.as_quantity(unit, what);
  if (!(v > 0)) node.fail(what + " must be positive");
  return v;
}

void read_snapshots(const ConfigNode& node, const Scenario& s, SpatialSpec& spec) {
  node.check_keys({"times", "tasks"}, "spatial.snapshots");
  for (const ConfigNode& item : node.at("times").items("spatial.snapshots.times")) {
    const double t = item.as_quantity("day", "a snapshot time");
    if (t < s.time.start || t > s.time.end) item.fail("a snapshot time must lie within time.start and time.end");
    if (!spec.snapshot_times.empty() && !(t > spec.snapshot_times.back()))
      item.fail("snapshot times must be ascending, without repeats");
    spec.snapshot_times.push_back(t);
  }
  const std::size_t patients = s.population ? s.population->size : 1;
  const std::size_t arms = std::max<std::size_t>(1, s.arms.size());
  const std::size_t tasks = s.allocation == Allocation::kPaired ? patients * arms : patients;
  for (const ConfigNode& item : node.at("tasks").items("spatial.snapshots.tasks")) {
    const auto task = item.as_unsigned("a snapshot task");
    if (task >= tasks) item.fail("the scenario has " + std::to_string(tasks) + " task(s), numbered from 0");
    spec.snapshot_tasks.push_back(static_cast<std::size_t>(task));
  }
  std::sort(spec.snapshot_tasks.begin(), spec.snapshot_tasks.end());
  spec.snapshot_tasks.erase(std::unique(spec.snapshot_tasks.begin(), spec.snapshot_tasks.end()), spec.snapshot_tasks.end());
}

/// Fails at the name of the first overlay of `names` (a list, or a map's keys) whose loaded
/// counterpart in `loaded` (same order) has no changes for `model`.
void check_overlays(const ConfigNode* names, bool keys, const std::vector<const Overlay*>& loaded, std::string_view model) {
  if (names == nullptr) return;
  std::vector<const ConfigNode*> nodes;
  if (keys)
    for (const auto& [name, value] : names->entries("overlays")) nodes.push_back(&names->key_node(name));
  else
    for (const ConfigNode& item : names->items("overlays")) nodes.push_back(&item);
  for (std::size_t i = 0; i < nodes.size() && i < loaded.size(); ++i)
    if (loaded[i]->changes_by_model.find(std::string(model)) == loaded[i]->changes_by_model.end())
      nodes[i]->fail("overlay '" + loaded[i]->name + "' has no changes for model '" + std::string(model) +
                     "', which a spatial scenario needs; it covers: " + loaded[i]->model_names());
}

/// Every overlay the scenario uses changes the lattice too.
void check_all_overlays(const ConfigNode& root, const Scenario& s, std::string_view model) {
  std::vector<const Overlay*> scenario_wide;
  for (const Overlay& o : s.overlays) scenario_wide.push_back(&o);
  const ConfigNode* phenotypes = root.find("phenotypes");
  const std::size_t n_phenotypes = phenotypes ? phenotypes->items("phenotypes").size() : 0;
  check_overlays(phenotypes, false, scenario_wide, model);
  check_overlays(root.find("host"), false,
                 std::vector<const Overlay*>(scenario_wide.begin() + static_cast<std::ptrdiff_t>(n_phenotypes),
                                             scenario_wide.end()),
                 model);
  if (s.population) {
    std::vector<const Overlay*> prevalent;
    for (const auto& o : s.population->overlays) prevalent.push_back(&o.overlay);
    check_overlays(root.at("population").find("prevalence"), true, prevalent, model);
  }
  if (const ConfigNode* arms = root.find("arms")) {
    std::size_t a = 0;
    for (const auto& [name, value] : arms->entries("arms")) {
      std::vector<const Overlay*> own;
      for (const Overlay& o : s.arms[a].overlays) own.push_back(&o);
      const ConfigNode* p = value.find("phenotypes");
      const std::size_t n = p ? p->items("phenotypes").size() : 0;
      check_overlays(p, false, own, model);
      check_overlays(value.find("host"), false,
                     std::vector<const Overlay*>(own.begin() + static_cast<std::ptrdiff_t>(n), own.end()), model);
      ++a;
    }
  }
}

}  // namespace

void read_spatial_section(const ConfigNode& node, const ConfigNode& root, const ModelRegistry& registry, Scenario& s) {
  if (!node.is_map()) node.fail("spatial: is a map (lattice:, voxel:, step:, coupling:, block:, parameters:, snapshots:)");
  node.check_keys({"lattice", "voxel", "step", "coupling", "block", "parameters", "snapshots"}, "spatial");
  const SpatialMode* mode = registry.find_spatial_mode(s.model->name);
  if (mode == nullptr) {
    const std::string known = registry.spatial_mode_names();
    node.fail("model '" + std::string(s.model->name) + "' has no spatial mode; spatial: needs model " +
              (known.empty() ? std::string("(none registered)") : known));
  }
  if (s.sweep) root.at("sweep").fail("a spatial scenario cannot be swept (remove sweep: or spatial:)");
  if (!s.checkpoints.empty()) root.at("checkpoints").fail("spatial tasks cannot be checkpointed (remove checkpoints:)");
  SpatialSpec spec;
  spec.mode = *mode;
  spec.parameters_model = &registry.get(mode->parameters_model);
  for (const auto& p : spec.parameters_model->parameters) spec.parameters.push_back(p.value);
  if (const ConfigNode* n = node.find("lattice")) spec.grid.voxels = read_lattice(*n);
  if (const ConfigNode* n = node.find("voxel")) spec.grid.voxel_um = positive(*n, "um", "spatial.voxel");
  if (const ConfigNode* n = node.find("step")) spec.grid.step_days = positive(*n, "day", "spatial.step");
  double coupling = spec.grid.coupling_days();
  if (const ConfigNode* n = node.find("coupling")) coupling = positive(*n, "day", "spatial.coupling");
  const double steps = std::round(coupling / spec.grid.step_days);
  if (steps < 1 || std::abs(steps * spec.grid.step_days - coupling) > 1e-9 * coupling || steps > 1e6)
    (node.find("coupling") ? *node.find("coupling") : node)
        .fail("spatial.coupling must be a whole number (1 to 1e6) of lattice steps (spatial.step)");
  spec.grid.steps_per_coupling = static_cast<int>(steps);
  if (const ConfigNode* n = node.find("block")) {
    const auto b = n->as_unsigned("spatial.block (voxels)");
    if (b < 3 || b > kMaxVoxelsPerAxis) n->fail("spatial.block needs 3 to 4096 voxels (the update blocks' edge)");
    spec.grid.block_size = static_cast<int>(b);
  }
  if (const ConfigNode* n = node.find("parameters")) read_model_parameters(*n, *spec.parameters_model, spec.parameters);
  if (const ConfigNode* n = node.find("snapshots")) read_snapshots(*n, s, spec);
  check_all_overlays(root, s, mode->parameters_model);
  s.spatial = std::move(spec);
}

}  // namespace icbsim
