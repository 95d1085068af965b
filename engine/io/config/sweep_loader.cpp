// The sweep section: design settings, axes by kind, outputs.
#include "engine/io/config/sweep_loader.hpp"
#include "engine/core/number_text.hpp"
#include "engine/io/config/scenario_limits.hpp"

#include <algorithm>
#include <cmath>

#include "engine/core/errors.hpp"
#include "engine/core/spelling.hpp"
#include "engine/io/config/cohort_loader.hpp"
#include "engine/io/config/treatment_loader.hpp"
#include "engine/sweep/sweep_outputs.hpp"
#include "engine/sweep/sweep_points.hpp"

namespace icbsim {
namespace {

using sweep::Axis;
using sweep::AxisKind;

constexpr std::string_view kAxisKeys[] = {"parameter", "phenotype", "host", "dose", "interval", "drug"};

/// The treatments a drug axis can act on: the scenario's and every arm's.
std::vector<const Treatment*> treatments_of(const Scenario& s) {
  std::vector<const Treatment*> list;
  if (s.treatment) list.push_back(&*s.treatment);
  for (const Arm& arm : s.arms)
    if (arm.treatment) list.push_back(&*arm.treatment);
  return list;
}

/// The first treatment giving `drug`; fails at `node` when none does.
const Treatment& treatment_with(const ConfigNode& node, const Scenario& s, const std::string& drug) {
  for (const Treatment* t : treatments_of(s))
    for (const TreatmentItem& item : t->items)
      if (item.drug.name == drug) return *t;
  node.fail("no treatment of the scenario gives '" + drug + "': a dose, interval or drug axis changes a drug the "
            "scenario (or one of its arms) gives");
}

/// The axis values: `values: [...]` (discrete) or a distribution, in `unit`.
void read_values(const ConfigNode& node, std::string_view unit, Axis& axis, std::vector<std::string_view> own_keys) {
  if (const ConfigNode* values = node.find("values")) {
    own_keys.push_back("values");
    node.check_keys(own_keys, "a sweep axis");
    for (const ConfigNode& v : values->items("values of axis '" + axis.label + "'"))
      axis.levels.push_back(v.as_quantity(unit, "a value of axis '" + axis.label + "'"));
    if (axis.levels.size() < 2) values->fail("axis '" + axis.label + "' needs at least two values");
    return;
  }
  if (node.find("distribution") == nullptr)
    node.fail("axis '" + axis.label + "' needs its values: `values: [...]` or a distribution (e.g. distribution: "
              "uniform, min: ..., max: ...)");
  axis.distribution = read_distribution(node, unit, axis.label, own_keys);
}

Axis read_axis(const ConfigNode& node, const ConfigNode& root, const ModelRegistry& registry, const Scenario& s) {
  if (!node.is_map()) node.fail("a sweep axis is a map such as {parameter: NAME, distribution: uniform, min: ..., max: ...}");
  std::vector<std::string_view> present;
  for (std::string_view k : kAxisKeys)
    if (node.find(k)) present.push_back(k);
  if (present.size() != 1)
    node.fail("a sweep axis names exactly one of parameter, phenotype, host, dose, interval, drug");
  const std::string_view key = present.front();
  const ConfigNode& target = node.at(key);
  const std::string& name = target.text(key);
  const ModelInfo& model = *s.model;
  Axis axis;
  if (key == "parameter") {
    const int index = model.parameter_index(name);
    if (index < 0) {
      std::vector<std::string_view> names;
      for (const auto& p : model.parameters) names.push_back(p.name);
      target.fail("model '" + std::string(model.name) + "' has no parameter '" + name + "'" + did_you_mean(name, names));
    }
    axis.kind = AxisKind::kParameter;
    axis.parameter = static_cast<std::size_t>(index);
    axis.label = name;
    if (const ConfigNode* scale = node.find("scale")) axis.scale = scale->as_bool("scale");
    if (s.population && !axis.scale)
      for (const auto& q : s.population->quantities)
        if (q.target == cohort::Target::kParameter && q.index == axis.parameter)
          target.fail("the population draws '" + name + "' for every patient; sweep it as a factor with `scale: true`");
    axis.unit = axis.scale ? "1" : std::string(model.parameters[axis.parameter].unit);
    read_values(node, axis.scale ? "" : model.parameters[axis.parameter].unit, axis, {"parameter", "scale"});
    if (!axis.scale) {
      const ParameterSpec& p = model.parameters[axis.parameter];
      const double low = axis.discrete() ? *std::min_element(axis.levels.begin(), axis.levels.end())
                                         : cohort::quantile(axis.distribution, 0.0);
      const double high = axis.discrete() ? *std::max_element(axis.levels.begin(), axis.levels.end())
                                          : cohort::quantile(axis.distribution, 1.0);
      if (low < p.min || high > p.max)
        node.fail("axis '" + name + "' reaches outside the admissible range of the parameter [" + std::to_string(p.min) +
                  ", " + std::to_string(p.max) + "] " + std::string(p.unit));
    }
  } else if (key == "phenotype" || key == "host") {
    node.check_keys({key}, "an overlay axis");
    axis.kind = AxisKind::kOverlay;
    axis.label = std::string(key) + ":" + name;
    axis.unit = "1";
    axis.overlay = find_overlay(target, registry, model);
    auto clash = [&](const std::string& where) {
      target.fail("'" + name + "' is already " + where + "; an overlay axis switches it on at half of the points");
    };
    for (const Overlay& o : s.overlays)
      if (o.name == name) clash("carried by every patient (phenotypes:/host:)");
    if (s.population)
      for (const auto& o : s.population->overlays)
        if (o.overlay.name == name) clash("drawn by the population's prevalence");
    axis.levels = {0.0, 1.0};
  } else {
    const Treatment& treatment = treatment_with(target, s, name);
    axis.drug = name;
    axis.label = std::string(key) + ":" + name;
    if (key == "dose") {
      axis.kind = AxisKind::kDose;
      axis.unit = "1";
      read_values(node, "", axis, {"dose"});
      const double low = axis.discrete() ? *std::min_element(axis.levels.begin(), axis.levels.end())
                                         : cohort::quantile(axis.distribution, 0.0);
      if (!(low > 0)) node.fail("a dose axis is a multiple of the planned dose and must stay positive");
    } else if (key == "interval") {
      axis.kind = AxisKind::kInterval;
      axis.unit = "day";
      read_values(node, "day", axis, {"interval"});
      const double low = axis.discrete() ? *std::min_element(axis.levels.begin(), axis.levels.end())
                                         : cohort::quantile(axis.distribution, 0.0);
      if (!(low > 0)) node.fail("an interval axis must stay positive");
    } else {
      node.check_keys({"drug", "values"}, "a drug axis");
      axis.kind = AxisKind::kDrug;
      axis.unit = "1";
      std::vector<std::string> taken;
      for (const TreatmentItem& item : treatment.items)
        if (item.drug.name != name) taken.push_back(item.slot);
      const ConfigNode& values = node.at("values");
      for (const ConfigNode& v : values.items("values of axis '" + axis.label + "'")) {
        axis.alternatives.push_back(read_standard_item(v, root.find("patient"), model, taken));
        axis.levels.push_back(static_cast<double>(axis.levels.size()));
      }
      if (axis.levels.size() < 2) values.fail("a drug axis needs at least two drugs");
    }
  }
  return axis;
}

}  // namespace

void read_sweep_section(const ConfigNode& node, const ConfigNode& root, const ModelRegistry& registry, Scenario& s) {
  node.check_keys({"design", "samples", "levels", "replicates", "axes", "outputs", "bootstrap"}, "sweep");
  sweep::SweepSpec spec;
  const ConfigNode& design = node.at("design");
  spec.design = design.as_enum(sweep::kDesignNames, "sweep.design");
  using sweep::DesignKind;
  if (spec.design == DesignKind::kGrid) {
    if (const ConfigNode* n = node.find("samples")) n->fail("a grid has no samples: its size is the product of the axes' levels");
  } else {
    const ConfigNode& n = node.at("samples");
    spec.samples = static_cast<std::size_t>(n.as_unsigned("sweep.samples"));
    const std::size_t minimum = spec.design == DesignKind::kMorris ? 2 : 1;
    if (spec.samples < minimum) n.fail("sweep.samples must be at least " + std::to_string(minimum));
  }
  if (const ConfigNode* n = node.find("levels")) {
    if (spec.design != DesignKind::kGrid && spec.design != DesignKind::kMorris)
      n->fail("sweep.levels applies to grid and morris designs only");
    spec.levels = static_cast<std::size_t>(n->as_unsigned("sweep.levels"));
    if (spec.levels < 2 || (spec.design == DesignKind::kMorris && spec.levels % 2 != 0))
      n->fail(spec.design == DesignKind::kMorris ? "a Morris design needs an even number of levels, at least 2"
                                                 : "a grid needs at least 2 levels");
  }
  if (const ConfigNode* n = node.find("replicates")) {
    spec.replicates = static_cast<std::size_t>(n->as_unsigned("sweep.replicates"));
    if (spec.replicates == 0) n->fail("sweep.replicates must be at least 1");
  }
  if (const ConfigNode* n = node.find("bootstrap")) {
    n->check_keys({"resamples", "level"}, "sweep.bootstrap");
    if (const ConfigNode* r = n->find("resamples")) {
      spec.bootstrap = static_cast<std::size_t>(r->as_unsigned("sweep.bootstrap.resamples"));
      if (spec.bootstrap < 2) r->fail("sweep.bootstrap.resamples must be at least 2");
    }
    if (const ConfigNode* l = n->find("level")) {
      spec.level = l->as_quantity("", "sweep.bootstrap.level");
      if (!(spec.level > 0 && spec.level < 1)) l->fail("sweep.bootstrap.level must lie in (0, 1), e.g. 0.95 or 95 %");
    }
  }
  if (s.allocation != Allocation::kPaired && s.arms.size() > 1)
    node.fail("a sweep runs every patient in every arm: use `allocation: paired`");
  const ConfigNode& axes = node.at("axes");
  for (const ConfigNode& a : axes.items("sweep.axes")) {
    spec.axes.push_back(read_axis(a, root, registry, s));
    for (std::size_t j = 0; j + 1 < spec.axes.size(); ++j)
      if (spec.axes[j].label == spec.axes.back().label) a.fail("axis '" + spec.axes.back().label + "' appears twice");
  }
  if (spec.axes.empty()) axes.fail("sweep.axes must list at least one axis");
  const ConfigNode& outputs = node.at("outputs");
  for (const ConfigNode& o : outputs.items("sweep.outputs")) {
    const std::string& name = o.text("an output");
    sweep::OutputDefinition d;
    try {
      d = sweep::define_output(name);
    } catch (const Error& e) {
      o.fail(e.what());
    }
    if (d.needs_readout && !s.readout) o.fail("output '" + name + "' comes from the readout: add tumour: and scans: sections");
    if (d.column == "viable_tumour_pct" && s.readout && !s.readout->settings.surgery_day)
      o.fail("output '" + name + "' needs readout.surgery: the viable tumour is measured at surgery");
    if (!d.needs_readout) {
      const std::string variable = name.substr(name.find(':') + 1);
      const bool known = s.model->variable_index(variable) >= 0 ||
                         std::any_of(s.model->observables.begin(), s.model->observables.end(),
                                     [&](const VariableSpec& v) { return v.name == variable; });
      if (!known) {
        std::vector<std::string_view> names;
        for (const auto& v : s.model->variables) names.push_back(v.name);
        for (const auto& v : s.model->observables) names.push_back(v.name);
        o.fail("model '" + std::string(s.model->name) + "' has no state or observable '" + variable + "'" +
               did_you_mean(variable, names));
      }
    }
    if (std::find(spec.outputs.begin(), spec.outputs.end(), name) != spec.outputs.end()) o.fail("output '" + name + "' appears twice");
    spec.outputs.push_back(name);
  }
  if (spec.outputs.empty()) outputs.fail("sweep.outputs must list at least one output");
  if (const double points = sweep_design_points(spec) * static_cast<double>(spec.replicates); points > kMaxTasks)
    design.fail("the sweep has " + shortest(points) + " design points and replicates, more than the " +
                shortest(kMaxTasks) + " tasks one scenario may hold");
  if (spec.design == DesignKind::kSaltelli || spec.design == DesignKind::kMorris) {
    try {
      sweep::SweepSpec probe = spec;  // the axes decide; a few samples show it without the memory of all
      probe.samples = std::min<std::size_t>(spec.samples, 2);
      (void)sweep::make_sweep_points(probe, s.seed);  // e.g. a Morris axis without bounds
    } catch (const Error& e) {
      design.fail(e.what());
    }
  }
  s.sweep = std::move(spec);
}

}  // namespace icbsim
