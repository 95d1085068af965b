// Calibration config -> CalibrationConfig, with located errors.
#include "engine/io/calibration/calibration_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "engine/core/spelling.hpp"
#include "engine/io/config/config_node.hpp"
#include "engine/io/config/scenario_loader.hpp"

namespace icbsim {
namespace {

namespace fs = std::filesystem;
using calibrate::FreeParameter;
using calibrate::Quantity;
using calibrate::Target;

constexpr unsigned long long kConfigVersion = 1;

std::string resolve_path(const std::string& relative, const std::string& config_path) {
  const fs::path p(relative);
  return (p.is_relative() ? fs::path(config_path).parent_path() / p : p).lexically_normal().string();
}

/// The index of the name a node gives among `names` (`what`: "scenario" or "arm"), or a located error.
std::size_t index_of_name(const ConfigNode& node, const char* what, const std::vector<std::string>& names) {
  const std::string& name = node.text(what);
  const auto it = std::find(names.begin(), names.end(), name);
  if (it != names.end()) return static_cast<std::size_t>(it - names.begin());
  std::vector<std::string_view> known(names.begin(), names.end());
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  node.fail_unknown(name, known, what, list);
}

std::size_t scenario_index(const ConfigNode& node, const std::vector<std::string>& names) {
  return index_of_name(node, "scenario", names);
}

/// Keeps only the named arms of a paired scenario (targets then index the kept arms).
void keep_arms(const ConfigNode& node, Scenario& s) {
  if (s.allocation != Allocation::kPaired) node.fail("choosing arms needs `allocation: paired` in the scenario");
  std::vector<Arm> kept;
  for (const ConfigNode& item : node.items("arms")) {
    const std::string& name = item.text("an arm");
    const auto it = std::find_if(s.arms.begin(), s.arms.end(), [&](const Arm& a) { return a.name == name; });
    if (it == s.arms.end()) {
      std::vector<std::string_view> known;
      std::string list;
      for (const Arm& a : s.arms) {
        known.push_back(a.name);
        list += (list.empty() ? "" : ", ") + a.name;
      }
      item.fail_unknown(name, known, "arm", list);
    }
    kept.push_back(*it);
  }
  s.arms = std::move(kept);
}

std::string quantity_unit(const Scenario& s, const std::string& name) {
  if (const int i = s.model->parameter_index(name); i >= 0) return std::string(s.model->parameters[static_cast<std::size_t>(i)].unit);
  if (const int i = s.model->variable_index(name); i >= 0) return std::string(s.model->variables[static_cast<std::size_t>(i)].unit);
  return {};
}

FreeParameter read_parameter(const ConfigNode& node, const CalibrationConfig& c) {
  node.check_keys({"parameter", "distribution", "field", "prevalence", "correlation", "lower", "upper", "start", "scale",
                   "scenarios", "overlay"},
                  "a free parameter");
  FreeParameter p;
  const Scenario& first = c.problem.scenarios.front();
  int kinds = 0;
  if (const ConfigNode* n = node.find("parameter")) {
    p.quantity = Quantity::kModelParameter;
    p.target = n->text("parameter");
    p.unit = quantity_unit(first, p.target);
    p.label = p.target;
    ++kinds;
  }
  if (const ConfigNode* n = node.find("distribution")) {
    p.quantity = Quantity::kDistribution;
    p.target = n->text("distribution");
    p.field = node.at("field").as_enum(calibrate::kFieldNames, "field");
    p.unit = p.field == calibrate::Field::kCv ? std::string() : quantity_unit(first, p.target);
    p.label = p.target + "." + std::string(calibrate::kFieldNames.name(p.field));
    ++kinds;
  } else if (const ConfigNode* f = node.find("field")) {
    f->fail("field belongs to a `distribution:` entry");
  }
  if (const ConfigNode* n = node.find("prevalence")) {
    p.quantity = Quantity::kPrevalence;
    p.target = n->text("prevalence");
    p.label = "prevalence " + p.target;
    ++kinds;
  }
  if (const ConfigNode* n = node.find("correlation")) {
    p.quantity = Quantity::kCorrelation;
    const auto& pair = n->items("correlation");
    if (pair.size() != 2) n->fail("correlation names two distributed quantities, e.g. [antigenicity, tumour_pdl1_base]");
    p.target = pair[0].text("a quantity");
    p.second_target = pair[1].text("a quantity");
    p.label = "correlation " + p.target + ":" + p.second_target;
    ++kinds;
  }
  if (kinds != 1)
    node.fail("a free parameter names exactly one of parameter:, distribution: (with field:), prevalence:, correlation:");
  if (const ConfigNode* n = node.find("scale")) p.scale = n->as_enum(calibrate::kScaleNames, "scale");
  const auto value = [&](const char* key) { return node.at(key).as_quantity(p.unit, std::string(key)); };
  p.lower = value("lower");
  p.upper = value("upper");
  if (!(p.upper > p.lower)) node.at("upper").fail("upper must be greater than lower");
  if (p.scale == calibrate::Scale::kLog && !(p.lower > 0)) node.at("lower").fail("a log scale needs lower > 0");
  if (const ConfigNode* n = node.find("scenarios"))
    for (const ConfigNode& item : n->items("scenarios")) p.scenarios.push_back(scenario_index(item, c.problem.scenario_names));
  if (const ConfigNode* n = node.find("overlay")) p.group = resolve_path(n->text("overlay"), c.path);
  // The start value: given, else the value in the first scenario it applies to.
  const ConfigNode* start = node.find("start");
  if (start != nullptr) p.start = start->as_quantity(p.unit, "start");
  for (std::size_t k = 0; k < c.problem.scenarios.size() && start == nullptr; ++k) {
    if (!p.applies_to(k)) continue;
    try {
      p.start = calibrate::current_value(p, c.problem.scenarios[k]);
    } catch (const Error& e) {
      node.fail("scenario '" + c.problem.scenario_names[k] + "': " + e.what());
    }
    break;
  }
  if (p.start < p.lower || p.start > p.upper)
    (start != nullptr ? *start : node).fail("the start value " + std::to_string(p.start) + " lies outside [lower, upper]");
  for (std::size_t k = 0; k < c.problem.scenarios.size(); ++k) {
    if (!p.applies_to(k)) continue;
    Scenario probe = c.problem.scenarios[k];
    try {
      calibrate::apply(p, p.start, probe);
    } catch (const Error& e) {
      node.fail("scenario '" + c.problem.scenario_names[k] + "': " + e.what());
    }
  }
  return p;
}

/// The index of the arm a node names (a scenario without arms has the one arm `all`).
std::size_t arm_index(const ConfigNode& node, const std::vector<std::string>& arms) {
  return index_of_name(node, "arm", arms);
}

/// A stratum of measured baseline TPS: {min: 50 %} (inclusive), {max: 1 %} (exclusive) or both.
calibrate::TpsRange read_tps_range(const ConfigNode& node, const Scenario& s, const std::string& scenario_name,
                                   std::string& label) {
  if (!node.is_map())
    node.fail("tps: is a stratum of measured baseline TPS, e.g. {min: 50 %} or {min: 1 %, max: 50 %}");
  node.check_keys({"min", "max"}, "tps");
  if (!(s.readout && s.readout->settings.tps))
    node.fail("a tps: stratum needs the baseline PD-L1 assay in scenario '" + scenario_name +
              "' (readout: {tps: {from: ...}})");
  calibrate::TpsRange r;
  const auto bound = [&](const char* key, std::optional<double>& out) {
    const ConfigNode* b = node.find(key);
    if (b == nullptr) return;
    const std::string what = std::string("tps.") + key;
    const std::string& text = b->text(what);
    if (text.find('%') == std::string::npos && text.find("percent") == std::string::npos)
      b->fail(what + " needs its unit, e.g. 50 %");
    out = b->as_quantity("%", what);
    if (*out < 0 || *out > 100) b->fail(what + " must lie between 0 and 100 %");
  };
  bound("min", r.min);
  bound("max", r.max);
  if (!r.min && !r.max) node.fail("tps: needs min: (inclusive), max: (exclusive) or both, in %");
  if (r.min && r.max && !(*r.max > *r.min)) node.at("max").fail("tps.max must be greater than tps.min");
  if (r.min && r.max)
    label = "TPS " + node.at("min").text("tps.min") + " to < " + node.at("max").text("tps.max");
  else if (r.min)
    label = "TPS >= " + node.at("min").text("tps.min");
  else
    label = "TPS < " + node.at("max").text("tps.max");
  return r;
}

Target read_target(const ConfigNode& node, const CalibrationConfig& c) {
  node.check_keys({"scenario", "arm", "statistic", "against", "at", "tps", "value", "scale", "source"}, "a target");
  Target t;
  const ConfigNode& scenario = node.at("scenario");
  t.scenario = scenario_index(scenario, c.problem.scenario_names);
  const std::string& scenario_name = c.problem.scenario_names[t.scenario];
  const Scenario& s = c.problem.scenarios[t.scenario];
  const ConfigNode& arm = node.at("arm");
  std::vector<std::string> arms;
  for (const Arm& a : s.arms) arms.push_back(a.name);
  if (arms.empty()) arms.push_back("all");
  t.arm = arm_index(arm, arms);
  const ConfigNode& statistic = node.at("statistic");
  t.statistic = statistic.as_enum(calibrate::kStatisticNames, "statistic");
  const std::string name(calibrate::kStatisticNames.name(t.statistic));
  t.label = scenario_name + " " + arms[t.arm] + " " + name;
  if (const ConfigNode* n = node.find("against")) {
    if (!calibrate::needs_comparator(t.statistic))
      n->fail("against: names the comparator arm of hr_os and hr_pfs; " + name + " has none");
    t.against = arm_index(*n, arms);
    t.against_arm = arms[*t.against];
    if (*t.against == t.arm)
      n->fail("against: names the target's own arm '" + t.against_arm + "'; a hazard ratio compares two arms");
    t.label += " vs " + t.against_arm;
  } else if (calibrate::needs_comparator(t.statistic)) {
    statistic.fail(name + " needs `against: <arm>`, the comparator arm of the hazard ratio");
  }
  if (const ConfigNode* n = node.find("at")) {
    if (!calibrate::needs_time(t.statistic))
      n->fail("at: is the landmark of landmark_os and landmark_pfs or the horizon of rmst_os and rmst_pfs; " + name +
              " has none");
    t.at = n->as_quantity("day", "at");
    if (!(*t.at > 0)) n->fail("at must be positive");
    const double follow_up = s.time.end - s.time.start;
    if (*t.at > follow_up)
      n->fail("at: " + n->text("at") + " lies beyond the simulated follow-up of scenario '" + scenario_name + "' (" +
              std::to_string(follow_up) + " days)");
    t.label += " at " + n->text("at");
  } else if (calibrate::needs_time(t.statistic)) {
    statistic.fail(name + " needs `at: <time>`, e.g. `at: 12 months`");
  }
  if (const ConfigNode* n = node.find("tps")) {
    std::string stratum;
    t.tps = read_tps_range(*n, s, scenario_name, stratum);
    t.label += " " + stratum;
  }
  const calibrate::StatisticKind kind = calibrate::statistic_kind(t.statistic);
  const std::string unit = kind == calibrate::StatisticKind::kTime ? "day" : "";
  const ConfigNode& value = node.at("value");
  t.value = value.as_quantity(unit, "value");
  t.scale = node.at("scale").as_quantity(unit, "scale");
  if (!(t.scale > 0)) node.at("scale").fail("scale must be positive");
  if (kind == calibrate::StatisticKind::kProportion && (t.value < 0 || t.value > 1))
    value.fail("a proportion must lie between 0 and 100 %");
  if (kind == calibrate::StatisticKind::kRatio && !(t.value > 0)) value.fail("a hazard ratio must be positive");
  if (kind == calibrate::StatisticKind::kTime && t.value < 0) value.fail("a time must not be negative");
  if (t.at && (t.statistic == calibrate::Statistic::kRmstOs || t.statistic == calibrate::Statistic::kRmstPfs) &&
      t.value > *t.at)
    value.fail("a restricted mean survival time cannot exceed its horizon at: " + node.at("at").text("at"));
  if (!s.readout) scenario.fail("scenario '" + scenario_name + "' has no readout (tumour:, scans:)");
  t.source = node.at("source").text("source");
  return t;
}

void read_optimiser(const ConfigNode& node, calibrate::OptimiserSettings& o) {
  node.check_keys({"algorithm", "max_evaluations", "xtol", "ftol", "initial_step", "stop_value"}, "optimiser");
  if (const ConfigNode* n = node.find("algorithm")) o.algorithm = n->as_enum(calibrate::kAlgorithmNames, "algorithm");
  if (const ConfigNode* n = node.find("max_evaluations")) {
    o.max_evaluations = static_cast<std::size_t>(n->as_unsigned("optimiser.max_evaluations"));
    if (o.max_evaluations == 0) n->fail("optimiser.max_evaluations must be at least 1");
  }
  const auto positive = [&](const char* key, double& out) {
    if (const ConfigNode* n = node.find(key)) {
      out = n->as_number(std::string("optimiser.") + key);
      if (!(out > 0)) n->fail(std::string("optimiser.") + key + " must be positive");
    }
  };
  positive("xtol", o.xtol);
  positive("ftol", o.ftol);
  positive("initial_step", o.initial_step);
  if (const ConfigNode* n = node.find("stop_value")) o.stop_value = n->as_number("optimiser.stop_value");
}

}  // namespace

CalibrationConfig load_calibration_config(const std::string& path, const ModelRegistry& registry) {
  CalibrationConfig c;
  c.path = path;
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ScenarioError(SourceLocation{path, 0, 0}, "cannot open the calibration config (does it exist and is it readable?)");
    std::ostringstream text;
    text << in.rdbuf();
    c.text = text.str();
  }
  const ConfigNode root = parse_yaml_text(c.text, path);
  if (!root.is_map()) root.fail("a calibration config must be a map of keys (scenarios:, parameters:, targets:, ...)");
  root.check_keys({"icbsim_calibration", "description", "scenarios", "patients", "follow_up", "seed", "parameters",
                   "targets", "optimiser", "output"},
                  "the calibration config");
  const ConfigNode& version = root.at("icbsim_calibration");
  if (version.as_unsigned("icbsim_calibration (the config version)") != kConfigVersion)
    version.fail("unsupported calibration config version; this icbsim reads version 1");
  if (const ConfigNode* n = root.find("description")) c.description = n->text("description");
  if (const ConfigNode* n = root.find("seed")) c.seed = n->as_unsigned("seed");
  if (const ConfigNode* n = root.find("patients")) {
    c.patients = static_cast<std::size_t>(n->as_unsigned("patients"));
    if (c.patients == 0) n->fail("patients must be at least 1");
  }
  std::optional<double> follow_up;
  if (const ConfigNode* n = root.find("follow_up")) {
    follow_up = n->as_quantity("day", "follow_up");
    if (!(*follow_up > 0)) n->fail("follow_up must be positive");
  }
  const ConfigNode& scenarios = root.at("scenarios");
  for (const auto& [name, entry] : scenarios.entries("scenarios")) {
    entry.check_keys({"file", "arms"}, "scenario '" + name + "'");
    Scenario s = load_scenario_file(resolve_path(entry.at("file").text("file"), path), registry);
    if (const ConfigNode* arms = entry.find("arms")) keep_arms(*arms, s);
    s.seed = c.seed + c.problem.scenarios.size();  // common random numbers: fixed per scenario
    if (c.patients > 0) {
      if (!s.population) entry.fail("patients: needs a population in scenario '" + name + "'");
      s.population->size = c.patients;
    }
    if (follow_up && s.time.start + *follow_up < s.time.end) s.time.end = s.time.start + *follow_up;
    c.problem.scenario_names.push_back(name);
    c.problem.scenarios.push_back(std::move(s));
  }
  if (c.problem.scenarios.empty()) scenarios.fail("scenarios must name at least one scenario file");
  const ConfigNode& parameters = root.at("parameters");
  for (const ConfigNode& item : parameters.items("parameters")) c.problem.parameters.push_back(read_parameter(item, c));
  if (c.problem.parameters.empty()) parameters.fail("parameters must list at least one free parameter");
  const ConfigNode& targets = root.at("targets");
  for (const ConfigNode& item : targets.items("targets")) c.problem.targets.push_back(read_target(item, c));
  if (c.problem.targets.empty()) targets.fail("targets must list at least one target");
  if (const ConfigNode* n = root.find("optimiser")) read_optimiser(*n, c.problem.optimiser);
  const ConfigNode& output = root.at("output");
  output.check_keys({"overlay", "record"}, "output");
  const std::string overlay = resolve_path(output.at("overlay").text("output.overlay"), path);
  for (FreeParameter& p : c.problem.parameters)
    if (p.group.empty()) p.group = overlay;
  for (const FreeParameter& p : c.problem.parameters)
    if (std::find(c.overlays.begin(), c.overlays.end(), p.group) == c.overlays.end()) c.overlays.push_back(p.group);
  if (const ConfigNode* n = output.find("record")) {
    c.record = resolve_path(n->text("output.record"), path);
    check_output_path(c.record, n);
  }
  return c;
}

}  // namespace icbsim
