// phenotypes:, host:, population:, arms:, allocation:, ratio: -> Scenario.
#include "engine/io/config/cohort_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "engine/core/spelling.hpp"
#include "engine/io/config/config_paths.hpp"
#include "engine/io/config/overlay_loader.hpp"
#include "engine/io/config/treatment_loader.hpp"

namespace icbsim {
namespace {

std::vector<Overlay> read_overlay_list(const ConfigNode* node, std::string_view what, const ModelRegistry& registry,
                                       const ModelInfo& model) {
  std::vector<Overlay> out;
  if (node == nullptr) return out;
  for (const ConfigNode& item : node->items(what)) out.push_back(find_overlay(item, registry, model));
  return out;
}

/// A parameter or a state variable of the model, by name.
std::pair<cohort::Target, std::size_t> quantity(const ConfigNode& key, const std::string& name, const ModelInfo& model) {
  if (const int i = model.parameter_index(name); i >= 0) return {cohort::Target::kParameter, static_cast<std::size_t>(i)};
  if (const int i = model.variable_index(name); i >= 0) return {cohort::Target::kInitial, static_cast<std::size_t>(i)};
  std::vector<std::string_view> names;
  for (const auto& p : model.parameters) names.push_back(p.name);
  for (const auto& v : model.variables) names.push_back(v.name);
  key.fail("model '" + std::string(model.name) + "' has no parameter or state variable '" + name + "'" +
           did_you_mean(name, names));
}

std::string_view unit_of(const std::pair<cohort::Target, std::size_t>& q, const ModelInfo& model) {
  return q.first == cohort::Target::kParameter ? model.parameters[q.second].unit : model.variables[q.second].unit;
}

/// The TPS criterion of population.include: the measured baseline TPS in [min, max) percent.
cohort::Inclusion read_tps_inclusion(const ConfigNode& key, const ConfigNode& value, bool has_assay) {
  if (!has_assay) key.fail("population.include: tps needs the baseline PD-L1 assay (readout: {tps: {from: ...}})");
  value.check_keys({"min", "max"}, "the TPS inclusion criterion");
  cohort::Inclusion c{"tps", cohort::Target::kParameter, 0, 0.0, 1e300};  // max exclusive: none admits 100 %
  if (const ConfigNode* m = value.find("min")) c.min = m->as_quantity("%", "min of 'tps'");
  if (const ConfigNode* m = value.find("max")) c.max = m->as_quantity("%", "max of 'tps'");
  // A measured TPS lies in [0, 100]; [min, max) must hold some of it.
  if (!(c.min >= 0.0 && c.min <= 100.0)) value.at("min").fail("a TPS criterion's min must lie in [0, 100] %");
  if (!(c.max > c.min && c.max > 0.0))
    value.fail("the TPS criterion [min, max) admits no TPS: it needs max > min and max > 0 %");
  return c;
}

cohort::PopulationSpec read_population(const ConfigNode& node, const ModelRegistry& registry, const ModelInfo& model,
                                       Eigen::MatrixXd& factor, bool has_tps_assay) {
  node.check_keys({"size", "distributions", "correlations", "prevalence", "include", "max_attempts"}, "population");
  cohort::PopulationSpec p;
  const ConfigNode& size = node.at("size");
  p.size = static_cast<std::size_t>(size.as_unsigned("population.size"));
  if (p.size == 0) size.fail("population.size must be at least 1");
  if (const ConfigNode* n = node.find("max_attempts")) {
    p.max_attempts = static_cast<std::size_t>(n->as_unsigned("population.max_attempts"));
    if (p.max_attempts == 0) n->fail("population.max_attempts must be at least 1");
  }
  std::set<std::string> seen;
  if (const ConfigNode* n = node.find("distributions"))
    for (const auto& [name, value] : n->entries("population.distributions")) {
      const auto q = quantity(n->key_node(name), name, model);
      p.quantities.push_back({name, q.first, q.second, read_distribution(value, unit_of(q, model), name)});
    }
  const auto k = static_cast<Eigen::Index>(p.quantities.size());
  p.correlation = Eigen::MatrixXd::Identity(k, k);
  if (const ConfigNode* n = node.find("correlations")) {
    for (const ConfigNode& item : n->items("population.correlations")) {
      item.check_keys({"between", "rho"}, "a correlation");
      const auto& pair = item.at("between").items("between");
      if (pair.size() != 2) item.at("between").fail("between: names exactly two distributed quantities");
      Eigen::Index idx[2];
      for (int j = 0; j < 2; ++j) {
        const std::string& name = pair[static_cast<std::size_t>(j)].text("a correlated quantity");
        Eigen::Index found = -1;
        for (Eigen::Index i = 0; i < k; ++i)
          if (p.quantities[static_cast<std::size_t>(i)].name == name) found = i;
        if (found < 0) pair[static_cast<std::size_t>(j)].fail("'" + name + "' has no distribution in population.distributions");
        idx[j] = found;
      }
      const double rho = item.at("rho").as_number("rho");
      if (!(rho > -1 && rho < 1) || idx[0] == idx[1]) item.at("rho").fail("rho must lie in (-1, 1) between two different quantities");
      p.correlation(idx[0], idx[1]) = p.correlation(idx[1], idx[0]) = rho;
    }
    try {
      factor = cohort::correlation_factor(p.correlation);
    } catch (const Error& e) {
      n->fail(e.what());
    }
  }
  if (const ConfigNode* n = node.find("prevalence"))
    for (const auto& [name, value] : n->entries("population.prevalence")) {
      cohort::OverlayPrevalence o{find_overlay(n->key_node(name), registry, model), 0.0};
      if (value.is_scalar() && value.text("prevalence") == "published") {
        if (!o.overlay.prevalence) value.fail("overlay '" + name + "' has no published prevalence; give a number");
        o.prevalence = o.overlay.prevalence->value;
      } else {
        o.prevalence = value.as_quantity("", "prevalence of '" + name + "'");
      }
      if (o.prevalence < 0 || o.prevalence > 1) value.fail("a prevalence must lie in [0, 1]");
      p.overlays.push_back(std::move(o));
    }
  if (const ConfigNode* n = node.find("include"))
    for (const auto& [name, value] : n->entries("population.include")) {
      if (name == "tps") {
        p.tps_inclusion = read_tps_inclusion(n->key_node(name), value, has_tps_assay);
        continue;
      }
      value.check_keys({"min", "max"}, "an inclusion criterion");
      const auto q = quantity(n->key_node(name), name, model);
      cohort::Inclusion c{name, q.first, q.second};
      if (const ConfigNode* m = value.find("min")) c.min = m->as_quantity(unit_of(q, model), "min of '" + name + "'");
      if (const ConfigNode* m = value.find("max")) c.max = m->as_quantity(unit_of(q, model), "max of '" + name + "'");
      if (!(c.max >= c.min)) value.fail("an inclusion criterion needs min <= max");
      p.inclusion.push_back(c);
    }
  return p;
}

}  // namespace

cohort::Distribution read_distribution(const ConfigNode& node, std::string_view unit, const std::string& name,
                                       std::vector<std::string_view> extra_keys) {
  for (std::string_view k : {"distribution", "value", "mean", "sd", "median", "cv", "min", "max"}) extra_keys.push_back(k);
  node.check_keys(extra_keys, "a distribution of '" + name + "'");
  cohort::Distribution d;
  d.kind = node.at("distribution").as_enum(cohort::kDistributionNames, "distribution");
  auto q = [&](std::string_view key) { return node.at(key).as_quantity(unit, std::string(key) + " of '" + name + "'"); };
  auto bound = [&](std::string_view key) -> std::optional<double> {
    if (const ConfigNode* n = node.find(key)) return n->as_quantity(unit, std::string(key) + " of '" + name + "'");
    return std::nullopt;
  };
  using cohort::DistributionKind;
  switch (d.kind) {
    case DistributionKind::kFixed: d.a = q("value"); break;
    case DistributionKind::kNormal: d.a = q("mean"); d.b = q("sd"); d.min = bound("min"); d.max = bound("max"); break;
    case DistributionKind::kLogNormal:
      d.a = q("median");
      d.b = node.at("cv").as_quantity("", "cv of '" + name + "'");
      d.min = bound("min");
      d.max = bound("max");
      break;
    case DistributionKind::kUniform:
    case DistributionKind::kLogUniform: d.a = q("min"); d.b = q("max"); break;
  }
  try {
    cohort::validate(d);
  } catch (const Error& e) {
    node.fail("distribution of '" + name + "': " + e.what());
  }
  return d;
}

Overlay find_overlay(const ConfigNode& name_node, const ModelRegistry& registry, const ModelInfo& model) {
  namespace fs = std::filesystem;
  const std::string& name = name_node.text("an overlay name");
  const std::string root = config_root();
  for (const char* folder : {"phenotypes", "host"}) {
    const fs::path path = fs::path(root) / folder / (name + ".yaml");
    if (fs::exists(path)) {
      Overlay o = load_overlay_file(path.string(), registry);
      if (o.changes_by_model.find(std::string(model.name)) == o.changes_by_model.end())
        name_node.fail("overlay '" + name + "' has no changes for model '" + std::string(model.name) +
                       "'; it covers: " + o.model_names());
      return o;
    }
  }
  std::vector<std::string> known;
  for (const char* folder : {"phenotypes", "host"})
    for (const std::string& n : list_overlays((fs::path(root) / folder).string())) known.push_back(n);
  std::vector<std::string_view> views(known.begin(), known.end());
  std::string list;
  for (const auto& n : known) list += (list.empty() ? "" : ", ") + n;
  name_node.fail("unknown phenotype or host factor '" + name + "'" + did_you_mean(name, views) + "; known: " + list);
}

void read_cohort_sections(const ConfigNode& root, const ModelRegistry& registry, Scenario& s) {
  const ModelInfo& model = *s.model;
  for (const char* key : {"phenotypes", "host"})
    for (Overlay& o : read_overlay_list(root.find(key), key, registry, model)) s.overlays.push_back(std::move(o));
  if (const ConfigNode* n = root.find("population"))
    s.population = read_population(*n, registry, model, s.population_factor, s.readout && s.readout->settings.tps);
  if (const ConfigNode* n = root.find("arms")) {
    for (const auto& [name, value] : n->entries("arms")) {
      value.check_keys({"treatment", "phenotypes", "host", "switch"}, "arm '" + name + "'");
      Arm arm;
      arm.name = name;
      arm.treatment = read_treatment(value.find("treatment"), root.find("patient"), model, s.patient);
      if (arm.treatment && arm.treatment->stop != StopRule::kNever && !s.readout)
        value.at("treatment").at("stop").fail("stopping at progression needs a readout: add tumour: and scans: sections");
      for (const char* key : {"phenotypes", "host"})
        for (Overlay& o : read_overlay_list(value.find(key), key, registry, model)) arm.overlays.push_back(std::move(o));
      if (const ConfigNode* sw = value.find("switch")) {
        sw->check_keys({"at", "to"}, "a switch rule");
        if (!s.readout) sw->fail("switching to a second line needs a readout: add tumour: and scans: sections");
        const Treatment* first = arm.treatment ? &*arm.treatment : (s.treatment ? &*s.treatment : nullptr);
        if (first == nullptr) sw->fail("a switch rule needs a first-line treatment in the arm or the scenario");
        // Slots of first-line drugs stay taken, except a drug continued into the second line.
        std::vector<std::string> continued;
        if (const ConfigNode* drugs = sw->at("to").find("drugs"))
          for (const ConfigNode& d : drugs->items("switch.to.drugs"))
            if (const ConfigNode* drug = d.is_map() ? d.find("drug") : nullptr) continued.push_back(drug->text("drug"));
        std::vector<std::string> taken;
        for (const TreatmentItem& item : first->items)
          if (std::find(continued.begin(), continued.end(), item.drug.name) == continued.end()) taken.push_back(item.slot);
        SwitchRule rule;
        rule.at = sw->at("at").as_enum(kSwitchAtNames, "switch.at");
        rule.second_line = *read_treatment(&sw->at("to"), root.find("patient"), model, s.patient, taken);
        arm.switch_rule = std::move(rule);
      }
      s.arms.push_back(std::move(arm));
    }
    if (s.arms.empty()) n->fail("arms: lists no arm");
    if (s.arms.size() > 100) n->fail("at most 100 arms");
  }
  if (const ConfigNode* n = root.find("allocation")) {
    if (s.arms.empty()) n->fail("allocation applies to arms: add an arms: section");
    s.allocation = n->as_enum(kAllocationNames, "allocation");
  }
  if (const ConfigNode* n = root.find("ratio")) {
    if (s.allocation != Allocation::kRandomised) n->fail("ratio applies to randomised allocation");
    for (const ConfigNode& r : n->items("ratio")) {
      s.ratio.push_back(r.as_number("a ratio weight"));
      if (!(s.ratio.back() > 0)) r.fail("ratio weights must be positive");
    }
    if (s.ratio.size() != s.arms.size()) n->fail("ratio needs one weight per arm (" + std::to_string(s.arms.size()) + ")");
  }
  if (s.allocation == Allocation::kRandomised && s.ratio.empty()) s.ratio.assign(s.arms.size(), 1.0);
  if (const ConfigNode* n = root.find("report")) {
    n->check_keys({"stratify"}, "report");
    const ConfigNode& st = n->at("stratify");
    st.check_keys({"by", "cuts", "labels"}, "report.stratify");
    Stratification strata;
    const ConfigNode& by = st.at("by");
    strata.name = by.text("report.stratify.by");
    strata.by_tps = strata.name == "tps";
    if (strata.by_tps && !(s.readout && s.readout->settings.tps))
      by.fail("report.stratify.by: tps needs the baseline PD-L1 assay (readout: {tps: {from: ...}})");
    const int index = strata.by_tps ? 0 : model.parameter_index(strata.name);
    if (index < 0) {
      std::vector<std::string_view> names;
      for (const auto& p : model.parameters) names.push_back(p.name);
      by.fail("model '" + std::string(model.name) + "' has no parameter '" + strata.name + "'" + did_you_mean(strata.name, names));
    }
    strata.index = static_cast<std::size_t>(index);
    for (const ConfigNode& c : st.at("cuts").items("report.stratify.cuts")) {
      strata.cuts.push_back(c.as_quantity(strata.by_tps ? "%" : model.parameters[strata.index].unit, "a stratum cut"));
      if (strata.cuts.size() > 1 && !(strata.cuts.back() > strata.cuts[strata.cuts.size() - 2])) c.fail("cuts must increase");
    }
    const ConfigNode& labels = st.at("labels");
    for (const ConfigNode& l : labels.items("report.stratify.labels")) strata.labels.push_back(l.text("a stratum label"));
    if (strata.labels.size() != strata.cuts.size() + 1)
      labels.fail("report.stratify.labels needs one label more than cuts (" + std::to_string(strata.cuts.size() + 1) + ")");
    s.strata = std::move(strata);
  }
}

}  // namespace icbsim
