// Scenario schema v1: model, parameters, initial, time, solver, seed, output.
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/config/sweep_loader.hpp"

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "engine/core/spelling.hpp"
#include "engine/io/config/cohort_loader.hpp"
#include "engine/io/config/output_section.hpp"
#include "engine/io/config/readout_loader.hpp"
#include "engine/io/config/run_in_section.hpp"
#include "engine/io/config/scenario_base.hpp"
#include "engine/io/config/scenario_limits.hpp"
#include "engine/io/config/spatial_loader.hpp"
#include "engine/io/config/treatment_loader.hpp"

namespace icbsim {
namespace {

constexpr int kSchemaVersion = 1;

std::string format_number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string range_text(const ParameterSpec& p) {
  return "[" + format_number(p.min) + ", " + format_number(p.max) + "]" + (p.unit.empty() ? "" : " " + std::string(p.unit));
}

void read_parameters(const ConfigNode& section, const ModelInfo& model, std::vector<double>& values) {
  std::vector<std::string_view> names;
  for (const auto& p : model.parameters) names.push_back(p.name);
  for (const auto& [key, value] : section.entries("parameters")) {
    const int index = model.parameter_index(key);
    if (index < 0)
      section.key_node(key).fail("model '" + std::string(model.name) + "' has no parameter '" + key + "'" +
                                 did_you_mean(key, names) + " (`icbsim models --describe " + std::string(model.name) +
                                 "` lists them)");
    const ParameterSpec& spec = model.parameters[static_cast<std::size_t>(index)];
    const double v = value.as_quantity(spec.unit, "parameter '" + key + "'");
    if (v < spec.min || v > spec.max)
      value.fail("parameter '" + key + "' = " + format_number(v) + (spec.unit.empty() ? "" : " " + std::string(spec.unit)) +
                 " is outside its admissible range " + range_text(spec));
    values[static_cast<std::size_t>(index)] = v;
  }
}

void read_initial(const ConfigNode& section, const ModelInfo& model, std::vector<double>& values) {
  std::vector<std::string_view> names;
  for (const auto& v : model.variables) names.push_back(v.name);
  for (const auto& [key, value] : section.entries("initial")) {
    const int index = model.variable_index(key);
    if (index < 0)
      section.key_node(key).fail("model '" + std::string(model.name) + "' has no state variable '" + key + "'" +
                                 did_you_mean(key, names));
    const VariableSpec& spec = model.variables[static_cast<std::size_t>(index)];
    const double v = value.as_quantity(spec.unit, "initial value of '" + key + "'");
    if (spec.nonnegative && v < 0) value.fail("initial value of '" + key + "' must not be negative");
    values[static_cast<std::size_t>(index)] = v;
  }
}

/// `every`: output.every, which may stand for time.output_every (not both).
TimeSpan read_time(const ConfigNode& section, const ConfigNode* every) {
  section.check_keys({"start", "end", "output_every"}, "time");
  if (every != nullptr && section.find("output_every") != nullptr)
    every->fail("the output interval is given twice: as time.output_every and as output.every (keep one)");
  TimeSpan span;
  auto within_limit = [](const ConfigNode& node, double t, const char* what) {
    if (std::abs(t) > kMaxAbsTimeDays)
      node.fail(std::string(what) + " (" + format_number(t) + " day) lies beyond +-" + format_number(kMaxAbsTimeDays) +
                " day, where a time step of a day is lost in rounding: shift the time axis nearer 0");
  };
  if (const ConfigNode* n = section.find("start")) {
    span.start = n->as_quantity("day", "time.start");
    within_limit(*n, span.start, "time.start");
  }
  const ConfigNode& end = section.at("end");
  span.end = end.as_quantity("day", "time.end");
  within_limit(end, span.end, "time.end");
  if (!(span.end > span.start))
    end.fail("time.end (" + format_number(span.end) + " day) must be after time.start (" + format_number(span.start) +
             " day)");
  span.output_every = std::min(1.0, span.end - span.start);
  if (const ConfigNode* n = every != nullptr ? every : section.find("output_every")) {
    const std::string what = every != nullptr ? "output.every" : "time.output_every";
    span.output_every = n->as_quantity("day", what);
    if (!(span.output_every > 0)) n->fail(what + " must be positive");
    if (span.output_every > span.end - span.start) n->fail(what + " is longer than the whole time span");
    if ((span.end - span.start) / span.output_every > kMaxOutputPoints)
      n->fail(what + " gives more than " + format_number(kMaxOutputPoints) + " output points");
  }
  return span;
}

/// `checkpoints:` times strictly inside the run, ascending (docs/checkpoints.md).
std::vector<double> read_checkpoints(const ConfigNode& node, const TimeSpan& span) {
  std::vector<double> times;
  for (const ConfigNode& item : node.items("checkpoints (a list of times)")) {
    const double t = item.as_quantity("day", "a checkpoint time");
    if (!(t > span.start && t < span.end))
      item.fail("checkpoint time " + format_number(t) + " day lies outside the run (" + format_number(span.start) +
                " to " + format_number(span.end) + " day, exclusive)");
    if (!times.empty() && !(t > times.back())) item.fail("checkpoint times must be ascending, without repeats");
    times.push_back(t);
  }
  return times;
}

SolverSettings read_solver(const ConfigNode& section) {
  section.check_keys({"method", "rtol", "atol", "initial_step", "max_step", "max_steps"}, "solver");
  SolverSettings s;
  if (const ConfigNode* n = section.find("method")) s.method = n->as_enum(kSolverMethodNames, "solver method");
  if (const ConfigNode* n = section.find("rtol")) {
    s.rtol = n->as_number("solver.rtol");
    if (!(s.rtol > 0 && s.rtol < 1)) n->fail("solver.rtol must lie between 0 and 1 (exclusive)");
  }
  if (const ConfigNode* n = section.find("atol")) {
    s.atol = n->as_number("solver.atol");
    if (!(s.atol > 0)) n->fail("solver.atol must be positive");
  }
  if (const ConfigNode* n = section.find("initial_step")) {
    s.initial_step = n->as_quantity("day", "solver.initial_step");
    if (!(s.initial_step > 0)) n->fail("solver.initial_step must be positive");
  }
  if (const ConfigNode* n = section.find("max_step")) {
    s.max_step = n->as_quantity("day", "solver.max_step");
    if (!(s.max_step > 0)) n->fail("solver.max_step must be positive");
  }
  if (const ConfigNode* n = section.find("max_steps")) {
    const auto v = n->as_unsigned("solver.max_steps");
    if (v == 0) n->fail("solver.max_steps must be at least 1");
    s.max_steps = static_cast<std::size_t>(v);
  }
  return s;
}

Scenario load(const ConfigNode& root, const std::string& text, const std::string& name, const ModelRegistry& registry) {
  if (!root.is_map()) root.fail("a scenario must be a map of keys (model:, parameters:, time:, ...)");
  root.check_keys({"icbsim",     "description", "model",      "parameters", "initial",    "time",    "solver",
                   "seed",       "output",      "tumour",     "scans",      "readout",    "patient", "treatment",
                   "phenotypes", "host",        "population", "arms",       "allocation", "ratio",   "report",
                   "sweep",      "checkpoints", "spatial",    "run_in"},
                  "the scenario");
  Scenario s;
  s.source_name = name;
  s.source_text = text;
  if (const ConfigNode* n = root.find("icbsim")) {
    const auto v = n->as_unsigned("icbsim (the schema version)");
    if (v != kSchemaVersion)
      n->fail("unsupported schema version " + std::to_string(v) + "; this icbsim reads version " +
              std::to_string(kSchemaVersion));
  }
  if (const ConfigNode* n = root.find("description")) s.description = n->text("description");

  const ConfigNode& model_node = root.at("model");
  const std::string& model_name = model_node.text("model");
  s.model = registry.find(model_name);
  if (s.model == nullptr) {
    std::vector<std::string_view> names;
    for (const auto& m : registry.models()) names.push_back(m.name);
    model_node.fail("unknown model '" + model_name + "'" + did_you_mean(model_name, names) + "; known models: " +
                    registry.names());
  }
  if (const SpatialMode* mode = registry.spatial_mode_holding(model_name))
    model_node.fail("model '" + model_name + "' holds the lattice parameters of " + std::string(mode->model) +
                    "'s spatial mode and does not run on its own; use model: " + std::string(mode->model) +
                    " with a spatial: section (set its parameters under spatial: parameters: or in overlays)");
  for (const auto& p : s.model->parameters) s.parameters.push_back(p.value);
  for (const auto& v : s.model->variables) s.initial_state.push_back(v.initial);

  if (const ConfigNode* n = root.find("parameters")) read_parameters(*n, *s.model, s.parameters);
  if (const ConfigNode* n = root.find("initial")) read_initial(*n, *s.model, s.initial_state);
  s.time = read_time(root.at("time"), output_every_node(root.find("output")));
  if (const ConfigNode* n = root.find("solver")) s.solver = read_solver(*n);
  if (const ConfigNode* n = root.find("checkpoints")) s.checkpoints = read_checkpoints(*n, s.time);
  if (const ConfigNode* n = root.find("run_in")) s.run_in = read_run_in_section(*n, *s.model);
  if (const ConfigNode* n = root.find("seed")) s.seed = n->as_unsigned("seed");
  s.readout = read_readout_plan(root, *s.model, s.time);
  s.patient = read_patient(root.find("patient"));
  s.treatment = read_treatment(root.find("treatment"), root.find("patient"), *s.model, s.patient);
  if (s.treatment && s.treatment->stop != StopRule::kNever && !s.readout)
    root.at("treatment").at("stop").fail("stopping at progression needs a readout: add tumour: and scans: sections");
  read_cohort_sections(root, registry, s);
  if (const ConfigNode* n = root.find("sweep")) read_sweep_section(*n, root, registry, s);
  if (const ConfigNode* n = root.find("spatial")) read_spatial_section(*n, root, registry, s);
  read_output_section(root.find("output"), s);
  check_scenario_limits(s, root);
  return s;
}

}  // namespace

void read_model_parameters(const ConfigNode& section, const ModelInfo& model, std::vector<double>& values) {
  read_parameters(section, model, values);
}

void check_output_path(const std::string& path, const ConfigNode* where) {
  namespace fs = std::filesystem;
  auto fail = [&](const std::string& problem) {
    if (where != nullptr) where->fail(problem);
    throw ScenarioError(SourceLocation{}, problem);
  };
  const fs::path p(path);
  std::error_code ec;
  if (fs::is_directory(p, ec)) fail("output path '" + path + "' is a folder, not a file");
  if (fs::exists(p, ec) && !fs::is_regular_file(p, ec))
    fail("output path '" + path + "' is a device node, pipe or socket: an output must be a regular file or a new name");
  // Missing folders are created when the run writes; the nearest existing one must be writable.
  fs::path folder = fs::absolute(p, ec).parent_path();
  while (!folder.empty() && !fs::exists(folder, ec) && folder != folder.root_path()) folder = folder.parent_path();
  if (!fs::is_directory(folder, ec)) fail("output path '" + path + "' lies below '" + folder.string() + "', which is not a folder");
  if (::access(folder.c_str(), W_OK) != 0) fail("output folder '" + folder.string() + "' is not writable");
}

Scenario load_scenario_text(const std::string& text, const std::string& name, const ModelRegistry& registry) {
  return load(parse_scenario_with_bases(text, name), text, name, registry);
}

Scenario load_scenario_node(const ConfigNode& root, const std::string& text, const std::string& name,
                            const ModelRegistry& registry) {
  return load(root, text, name, registry);
}

Scenario load_scenario_file(const std::string& path, const ModelRegistry& registry) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw ScenarioError(SourceLocation{path, 0, 0}, "this is a folder, not a scenario file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError(SourceLocation{path, 0, 0}, "cannot open the scenario file (does it exist and is it readable?)");
  std::ostringstream text;
  text << in.rdbuf();
  return load_scenario_text(text.str(), path, registry);
}

}  // namespace icbsim
