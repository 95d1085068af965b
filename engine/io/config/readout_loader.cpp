// Scenario sections tumour:, scans: and readout: -> ReadoutPlan.
#include "engine/io/config/readout_loader.hpp"

#include <map>

#include "engine/core/spelling.hpp"
#include "engine/core/units.hpp"
#include "engine/io/config/survival_section.hpp"
#include "engine/io/config/tps_section.hpp"

namespace icbsim {
namespace {

using readout::SizeKind;

/// Index of a state variable or observable among all output rows, with its unit.
std::pair<std::size_t, std::string_view> output_row(const ConfigNode& node, const ModelInfo& model,
                                                    const char* what = "tumour.size") {
  const std::string& name = node.text(what);
  std::vector<std::string_view> names;
  for (std::size_t i = 0; i < model.variables.size(); ++i) {
    if (model.variables[i].name == name) return {i, model.variables[i].unit};
    names.push_back(model.variables[i].name);
  }
  for (std::size_t k = 0; k < model.observables.size(); ++k) {
    if (model.observables[k].name == name) return {model.variables.size() + k, model.observables[k].unit};
    names.push_back(model.observables[k].name);
  }
  node.fail("model '" + std::string(model.name) + "' has no state variable or observable '" + name + "'" +
            did_you_mean(name, names));
}

/// The kind of size and the factor into mm, mL or cells, from the row's declared unit.
std::pair<SizeKind, double> size_kind(const ConfigNode& node, std::string_view unit) {
  const Unit u = parse_unit(unit);
  const std::pair<SizeKind, std::string_view> kinds[] = {
      {SizeKind::kDiameter, "mm"}, {SizeKind::kVolume, "mL"}, {SizeKind::kCells, "cells"}};
  for (const auto& [kind, base] : kinds) {
    const Unit b = parse_unit(base);
    if (u.dimension == b.dimension) return {kind, conversion_factor(u, b)};
  }
  node.fail("tumour.size must be a diameter, a volume or a cell count; its unit is '" + std::string(unit) + "'");
}

readout::TumourMapping read_tumour(const ConfigNode& node, const ModelInfo& model) {
  node.check_keys({"size", "cells_per_ml", "lesions", "measurement_cv", "new_lesion_volume_fold", "new_lesions"},
                  "tumour");
  readout::TumourMapping m;
  const ConfigNode& size = node.at("size");
  const auto [row, unit] = output_row(size, model);
  m.row = row;
  std::tie(m.kind, m.to_base_unit) = size_kind(size, unit);
  if (const ConfigNode* n = node.find("cells_per_ml")) {
    if (m.kind != SizeKind::kCells) n->fail("tumour.cells_per_ml applies only when the size is a cell count");
    m.cells_per_ml = n->as_quantity("cells/mL", "tumour.cells_per_ml");
    if (!(m.cells_per_ml > 0)) n->fail("tumour.cells_per_ml must be positive");
  }
  if (const ConfigNode* n = node.find("lesions")) {
    m.lesions.clear();
    std::map<std::string, int> per_organ;
    double total = 0.0;
    const auto& items = n->items("tumour.lesions");
    if (items.empty() || items.size() > static_cast<std::size_t>(readout::kMaxTargets))
      n->fail("tumour.lesions must list 1 to 5 lesions (RECIST 1.1 target lesions)");
    for (const ConfigNode& item : items) {
      item.check_keys({"organ", "share", "node"}, "a lesion");
      readout::LesionSpec lesion;
      lesion.organ = item.at("organ").text("lesion organ");
      const ConfigNode& share = item.at("share");
      lesion.share = share.as_quantity("", "lesion share");
      if (!(lesion.share > 0 && lesion.share <= 1)) share.fail("a lesion's share of the tumour volume must lie in (0, 1]");
      if (const ConfigNode* b = item.find("node")) lesion.is_node = b->as_bool("lesion node");
      const std::string organ = lesion.is_node ? "lymph node" : lesion.organ;
      if (++per_organ[organ] > readout::kMaxTargetsPerOrgan)
        item.fail("more than 2 target lesions in '" + organ + "' (RECIST 1.1 allows 2 per organ)");
      total += lesion.share;
      m.lesions.push_back(lesion);
    }
    if (total > 1.0 + 1e-9) n->fail("lesion shares add up to more than 1 (" + std::to_string(total) + ")");
  }
  if (const ConfigNode* n = node.find("measurement_cv")) {
    m.measurement_cv = n->as_quantity("", "tumour.measurement_cv");
    if (m.measurement_cv < 0 || m.measurement_cv > 1) n->fail("tumour.measurement_cv must lie in [0, 1]");
  }
  if (const ConfigNode* n = node.find("new_lesion_volume_fold")) {
    m.new_lesion_volume_fold = n->as_number("tumour.new_lesion_volume_fold");
    if (!(*m.new_lesion_volume_fold > 1)) n->fail("tumour.new_lesion_volume_fold must be greater than 1");
  }
  if (const ConfigNode* n = node.find("new_lesions")) {  // docs/readouts.md "New lesions"
    n->check_keys({"hazard", "diameter_at_detection"}, "tumour.new_lesions");
    readout::NewLesionProcess process;
    const ConfigNode& hazard = n->at("hazard");
    const auto [hazard_row, hazard_unit] = output_row(hazard, model, "tumour.new_lesions.hazard");
    if (parse_unit(hazard_unit).dimension != parse_unit("1/day").dimension)
      hazard.fail("tumour.new_lesions.hazard must be a rate (1/day); '" + hazard.text("tumour.new_lesions.hazard") +
                  "' has unit '" + std::string(hazard_unit) + "'");
    process.hazard_row = hazard_row;
    if (const ConfigNode* d = n->find("diameter_at_detection")) {
      process.diameter_at_detection_mm = d->as_quantity("mm", "tumour.new_lesions.diameter_at_detection");
      if (!(process.diameter_at_detection_mm > 0)) d->fail("tumour.new_lesions.diameter_at_detection must be positive");
    }
    m.new_lesions = process;
  }
  return m;
}

readout::ScanSchedule read_scans(const ConfigNode& node, const TimeSpan& time) {
  node.check_keys({"baseline", "every", "until", "then_every", "pre_treatment"}, "scans");
  readout::ScanSchedule s;
  if (const ConfigNode* n = node.find("baseline")) s.baseline = n->as_quantity("day", "scans.baseline");
  if (s.baseline < time.start || s.baseline >= time.end)
    node.find("baseline") ? node.at("baseline").fail("scans.baseline must lie within the simulated time span")
                          : node.fail("the baseline scan (day 0) lies outside the simulated time span");
  const ConfigNode& every = node.at("every");
  s.every = every.as_quantity("day", "scans.every");
  if (!(s.every > 0)) every.fail("scans.every must be positive");
  if (const ConfigNode* n = node.find("until")) {
    s.until = n->as_quantity("day", "scans.until");
    if (*s.until <= s.baseline) n->fail("scans.until must be after the baseline scan");
  }
  if (const ConfigNode* n = node.find("then_every")) {
    if (!s.until) n->fail("scans.then_every needs scans.until");
    s.then_every = n->as_quantity("day", "scans.then_every");
    if (!(*s.then_every > 0)) n->fail("scans.then_every must be positive");
  }
  if (const ConfigNode* n = node.find("pre_treatment")) {
    s.pre_treatment = n->as_quantity("day", "scans.pre_treatment");
    if (*s.pre_treatment >= s.baseline || *s.pre_treatment < time.start)
      n->fail("scans.pre_treatment must lie before the baseline scan and within the simulated time span");
  }
  return s;
}

readout::ReadoutSettings read_settings(const ConfigNode& node) {
  node.check_keys({"criteria", "confirm_response", "confirmation_interval", "min_sd_duration", "hyperprogression",
                   "lethal_sld", "surgery", "tps", "survival"},
                  "readout");
  readout::ReadoutSettings r;
  if (const ConfigNode* n = node.find("criteria")) r.criteria = n->as_enum(readout::kCriteriaNames, "readout.criteria");
  if (const ConfigNode* n = node.find("confirm_response")) r.recist.confirm_response = n->as_bool("readout.confirm_response");
  if (const ConfigNode* n = node.find("confirmation_interval")) {
    r.recist.confirmation_interval_days = n->as_quantity("day", "readout.confirmation_interval");
    if (!(r.recist.confirmation_interval_days > 0)) n->fail("readout.confirmation_interval must be positive");
  }
  if (const ConfigNode* n = node.find("min_sd_duration")) {
    r.recist.min_sd_duration_days = n->as_quantity("day", "readout.min_sd_duration");
    if (r.recist.min_sd_duration_days < 0) n->fail("readout.min_sd_duration must not be negative");
  }
  if (const ConfigNode* n = node.find("hyperprogression"))
    r.hyperprogression = n->as_enum(readout::kHyperprogressionDefinitionNames, "readout.hyperprogression");
  if (const ConfigNode* n = node.find("lethal_sld")) {
    r.death.lethal_sld_mm = n->as_quantity("mm", "readout.lethal_sld");
    if (!(r.death.lethal_sld_mm > 0)) n->fail("readout.lethal_sld must be positive");
  }
  if (const ConfigNode* n = node.find("surgery")) r.surgery_day = n->as_quantity("day", "readout.surgery");
  r.irecist.recist = r.recist;
  return r;
}

}  // namespace

std::optional<ReadoutPlan> read_readout_plan(const ConfigNode& root, const ModelInfo& model, const TimeSpan& time) {
  const ConfigNode* tumour = root.find("tumour");
  const ConfigNode* scans = root.find("scans");
  const ConfigNode* settings = root.find("readout");
  if (!tumour && !scans && !settings) return std::nullopt;
  if (!tumour) (scans ? root.key_node("scans") : root.key_node("readout")).fail("scans and readout need a tumour: section naming the model's tumour size");
  if (!scans) root.key_node("tumour").fail("a tumour: section needs a scans: schedule");
  ReadoutPlan plan;
  plan.tumour = read_tumour(*tumour, model);
  plan.scans = read_scans(*scans, time);
  if (settings) plan.settings = read_settings(*settings);
  if (const ConfigNode* n = settings ? settings->find("tps") : nullptr) plan.settings.tps = read_tps_section(*n, model);
  if (const ConfigNode* n = settings ? settings->find("survival") : nullptr)
    plan.settings.survival = read_survival_section(*n, model);
  if (plan.settings.surgery_day &&
      (*plan.settings.surgery_day <= plan.scans.baseline || *plan.settings.surgery_day > time.end))
    root.at("readout").at("surgery").fail("readout.surgery must lie after the baseline scan and within the simulated time span");
  if (plan.settings.hyperprogression && !plan.scans.pre_treatment)
    root.at("readout").at("hyperprogression").fail("hyperprogression needs a pre-treatment scan (scans.pre_treatment)");
  return plan;
}

}  // namespace icbsim
