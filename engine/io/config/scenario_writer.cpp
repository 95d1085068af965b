// YAML emission of a resolved scenario; numbers are written in the shortest form that reads back
// to the same double.
#include "engine/io/config/scenario_writer.hpp"
#include "engine/io/config/output_section.hpp"
#include "engine/io/config/run_in_section.hpp"
#include "engine/io/config/spatial_writer.hpp"
#include "engine/io/config/survival_section.hpp"
#include "engine/io/config/tps_section.hpp"

#include <cmath>
#include <cstdio>

#include <yaml-cpp/yaml.h>

#include "engine/core/number_text.hpp"

namespace icbsim {
namespace {

/// The shortest text that reads back to `v` (0.1, not 0.10000000000000001).
std::string exact(double v) { return std::isnan(v) ? std::string(".nan") : shortest(v); }

std::string with_unit(double v, std::string_view unit) {
  return unit.empty() ? exact(v) : exact(v) + " " + std::string(unit);
}

std::string row_name(const ModelInfo& model, std::size_t row) {
  return std::string(row < model.variables.size() ? model.variables[row].name
                                                  : model.observables[row - model.variables.size()].name);
}

void write_readout(const ReadoutPlan& plan, const ModelInfo& model, YAML::Emitter& out) {
  const auto& t = plan.tumour;
  out << YAML::Key << "tumour" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "size" << YAML::Value << row_name(model, t.row);
  if (t.kind == readout::SizeKind::kCells) out << YAML::Key << "cells_per_ml" << YAML::Value << with_unit(t.cells_per_ml, "cells/mL");
  out << YAML::Key << "lesions" << YAML::Value << YAML::BeginSeq;
  for (const auto& lesion : t.lesions)
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "organ" << YAML::Value << lesion.organ << YAML::Key << "share"
        << YAML::Value << exact(lesion.share) << YAML::Key << "node" << YAML::Value << lesion.is_node << YAML::EndMap;
  out << YAML::EndSeq;
  out << YAML::Key << "measurement_cv" << YAML::Value << exact(t.measurement_cv);
  if (t.new_lesion_volume_fold) out << YAML::Key << "new_lesion_volume_fold" << YAML::Value << exact(*t.new_lesion_volume_fold);
  if (t.new_lesions)
    out << YAML::Key << "new_lesions" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "hazard"
        << YAML::Value << row_name(model, t.new_lesions->hazard_row) << YAML::Key << "diameter_at_detection"
        << YAML::Value << with_unit(t.new_lesions->diameter_at_detection_mm, "mm") << YAML::EndMap;
  out << YAML::EndMap;

  const auto& sc = plan.scans;
  out << YAML::Key << "scans" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "baseline" << YAML::Value << with_unit(sc.baseline, "day");
  out << YAML::Key << "every" << YAML::Value << with_unit(sc.every, "day");
  if (sc.until) out << YAML::Key << "until" << YAML::Value << with_unit(*sc.until, "day");
  if (sc.then_every) out << YAML::Key << "then_every" << YAML::Value << with_unit(*sc.then_every, "day");
  if (sc.pre_treatment) out << YAML::Key << "pre_treatment" << YAML::Value << with_unit(*sc.pre_treatment, "day");
  out << YAML::EndMap;

  const auto& r = plan.settings;
  out << YAML::Key << "readout" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "criteria" << YAML::Value << std::string(readout::kCriteriaNames.name(r.criteria));
  out << YAML::Key << "confirm_response" << YAML::Value << r.recist.confirm_response;
  out << YAML::Key << "confirmation_interval" << YAML::Value << with_unit(r.recist.confirmation_interval_days, "day");
  out << YAML::Key << "min_sd_duration" << YAML::Value << with_unit(r.recist.min_sd_duration_days, "day");
  if (r.hyperprogression)
    out << YAML::Key << "hyperprogression" << YAML::Value
        << std::string(readout::kHyperprogressionDefinitionNames.name(*r.hyperprogression));
  out << YAML::Key << "lethal_sld" << YAML::Value << with_unit(r.death.lethal_sld_mm, "mm");
  if (r.surgery_day) out << YAML::Key << "surgery" << YAML::Value << with_unit(*r.surgery_day, "day");
  if (r.tps) write_tps_section(*r.tps, model, out);
  if (r.survival) write_survival_section(r.survival, model, out);
  out << YAML::EndMap;
}

void write_patient(const pk::PatientCovariates& p, YAML::Emitter& out) {
  out << YAML::Key << "patient" << YAML::Value << YAML::BeginMap;
  const std::pair<const char*, std::pair<const std::optional<double>*, const char*>> quantities[] = {
      {"weight", {&p.weight, "kg"}},   {"height", {&p.height, "cm"}},
      {"age", {&p.age, "year"}},       {"serum_creatinine", {&p.serum_creatinine, "umol/L"}},
      {"albumin", {&p.albumin, "g/L"}}, {"egfr", {&p.egfr, "mL/min"}},
      {"crcl", {&p.crcl, "mL/min"}},   {"sld", {&p.sld, "mm"}},
      {"ldh", {&p.ldh, "U/L"}},        {"spdl1", {&p.spdl1, "pg/mL"}}};
  for (const auto& [name, value] : quantities)
    if (*value.first) out << YAML::Key << name << YAML::Value << with_unit(**value.first, value.second);
  out << YAML::Key << "sex" << YAML::Value << std::string(pk::kSexNames.name(p.sex));
  out << YAML::Key << "race" << YAML::Value << std::string(pk::kRaceNames.name(p.race));
  out << YAML::Key << "tumour" << YAML::Value << std::string(pk::kTumourTypeNames.name(p.tumour));
  out << YAML::Key << "ecog" << YAML::Value << p.ecog;
  out << YAML::Key << "first_line" << YAML::Value << p.first_line;
  out << YAML::Key << "ada_positive" << YAML::Value << p.ada_positive;
  out << YAML::Key << "prior_ipilimumab" << YAML::Value << p.prior_ipilimumab;
  out << YAML::Key << "elevated_liver_enzymes" << YAML::Value << p.elevated_liver_enzymes;
  out << YAML::EndMap;
}

std::string dose_text(const pk::DoseSpec& dose) {
  if (dose.basis == pk::DoseBasis::kCalvertAuc) return with_unit(dose.amount, "mg*min/mL");
  return with_unit(dose.amount, pk::kDoseBasisNames.name(dose.basis));
}

void write_treatment_body(const Treatment& t, YAML::Emitter& out);

void write_treatment(const Treatment& t, YAML::Emitter& out) {
  out << YAML::Key << "treatment" << YAML::Value << YAML::BeginMap;
  write_treatment_body(t, out);
  out << YAML::EndMap;
}

void write_treatment_body(const Treatment& t, YAML::Emitter& out) {
  out << YAML::Key << "drugs" << YAML::Value << YAML::BeginSeq;
  for (const TreatmentItem& item : t.items) {
    out << YAML::BeginMap;
    out << YAML::Key << "drug" << YAML::Value << item.drug.name;
    out << YAML::Key << "pk_model" << YAML::Value << item.pk.name;
    if (item.regimen != "custom") {
      out << YAML::Key << "regimen" << YAML::Value << item.regimen;
    } else {
      const pk::DosingSchedule& s = item.phases.front();
      out << YAML::Key << "dose" << YAML::Value << dose_text(s.dose);
      if (s.interval > 0) out << YAML::Key << "every" << YAML::Value << with_unit(s.interval, "day");
      if (s.cycles > 0) out << YAML::Key << "cycles" << YAML::Value << s.cycles;
      if (std::isfinite(s.max_duration)) out << YAML::Key << "max_duration" << YAML::Value << with_unit(s.max_duration, "day");
      out << YAML::Key << "infusion" << YAML::Value << with_unit(s.infusion, "day");
      out << YAML::Key << "start" << YAML::Value << with_unit(s.start, "day");
      out << YAML::Key << "days" << YAML::Value << YAML::Flow << YAML::BeginSeq;
      for (double d : s.days) out << with_unit(d, "day");
      out << YAML::EndSeq;
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  out << YAML::Key << "stop" << YAML::Value << std::string(kStopRuleNames.name(t.stop));
}

void write_overlays(const std::vector<Overlay>& overlays, YAML::Emitter& out) {
  for (const auto kind : {OverlayKind::kPhenotype, OverlayKind::kHost}) {
    std::vector<std::string> names;
    for (const Overlay& o : overlays)
      if (o.kind == kind) names.push_back(o.name);
    if (names.empty()) continue;
    out << YAML::Key << (kind == OverlayKind::kPhenotype ? "phenotypes" : "host") << YAML::Value << YAML::Flow << names;
  }
}

/// The keys of a distribution in `unit`, inside an open map.
void write_distribution(const cohort::Distribution& d, const std::string& unit, YAML::Emitter& out) {
  out << YAML::Key << "distribution" << YAML::Value << std::string(cohort::kDistributionNames.name(d.kind));
  using cohort::DistributionKind;
  switch (d.kind) {
    case DistributionKind::kFixed: out << YAML::Key << "value" << YAML::Value << with_unit(d.a, unit); break;
    case DistributionKind::kNormal:
      out << YAML::Key << "mean" << YAML::Value << with_unit(d.a, unit) << YAML::Key << "sd" << YAML::Value
          << with_unit(d.b, unit);
      break;
    case DistributionKind::kLogNormal:
      out << YAML::Key << "median" << YAML::Value << with_unit(d.a, unit) << YAML::Key << "cv" << YAML::Value
          << exact(d.b);
      break;
    case DistributionKind::kUniform:
    case DistributionKind::kLogUniform:
      out << YAML::Key << "min" << YAML::Value << with_unit(d.a, unit) << YAML::Key << "max" << YAML::Value
          << with_unit(d.b, unit);
      break;
  }
  if (d.kind == DistributionKind::kNormal || d.kind == DistributionKind::kLogNormal) {
    if (d.min) out << YAML::Key << "min" << YAML::Value << with_unit(*d.min, unit);
    if (d.max) out << YAML::Key << "max" << YAML::Value << with_unit(*d.max, unit);
  }
}

std::string quantity_unit(const ModelInfo& model, const cohort::QuantityDistribution& q) {
  return std::string(q.target == cohort::Target::kParameter ? model.parameters[q.index].unit : model.variables[q.index].unit);
}

void write_cohort(const Scenario& s, YAML::Emitter& out) {
  write_overlays(s.overlays, out);
  if (s.strata) {
    out << YAML::Key << "report" << YAML::Value << YAML::BeginMap << YAML::Key << "stratify" << YAML::Value
        << YAML::BeginMap << YAML::Key << "by" << YAML::Value << s.strata->name << YAML::Key << "cuts" << YAML::Value
        << YAML::Flow << YAML::BeginSeq;
    for (double c : s.strata->cuts) out << exact(c);
    out << YAML::EndSeq << YAML::Key << "labels" << YAML::Value << YAML::Flow << s.strata->labels << YAML::EndMap
        << YAML::EndMap;
  }
  if (s.population) {
    const auto& p = *s.population;
    out << YAML::Key << "population" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "size" << YAML::Value << p.size;
    out << YAML::Key << "max_attempts" << YAML::Value << p.max_attempts;
    if (!p.quantities.empty()) {
      out << YAML::Key << "distributions" << YAML::Value << YAML::BeginMap;
      for (const auto& q : p.quantities) {
        const std::string unit = quantity_unit(*s.model, q);
        const auto& d = q.distribution;
        out << YAML::Key << q.name << YAML::Value << YAML::Flow << YAML::BeginMap;
        write_distribution(d, unit, out);
        out << YAML::EndMap;
      }
      out << YAML::EndMap;
      std::vector<std::pair<std::size_t, std::size_t>> pairs;
      for (Eigen::Index i = 0; i < p.correlation.rows(); ++i)
        for (Eigen::Index j = i + 1; j < p.correlation.cols(); ++j)
          if (p.correlation(i, j) != 0.0) pairs.emplace_back(static_cast<std::size_t>(i), static_cast<std::size_t>(j));
      if (!pairs.empty()) {
        out << YAML::Key << "correlations" << YAML::Value << YAML::BeginSeq;
        for (const auto& [i, j] : pairs)
          out << YAML::Flow << YAML::BeginMap << YAML::Key << "between" << YAML::Value << YAML::Flow << YAML::BeginSeq
              << p.quantities[i].name << p.quantities[j].name << YAML::EndSeq << YAML::Key << "rho" << YAML::Value
              << exact(p.correlation(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j))) << YAML::EndMap;
        out << YAML::EndSeq;
      }
    }
    if (!p.overlays.empty()) {
      out << YAML::Key << "prevalence" << YAML::Value << YAML::BeginMap;
      for (const auto& o : p.overlays) out << YAML::Key << o.overlay.name << YAML::Value << exact(o.prevalence);
      out << YAML::EndMap;
    }
    if (!p.inclusion.empty() || p.tps_inclusion) {
      out << YAML::Key << "include" << YAML::Value << YAML::BeginMap;
      for (const auto& c : p.inclusion) {
        out << YAML::Key << c.name << YAML::Value << YAML::Flow << YAML::BeginMap;
        if (c.min > -1e300) out << YAML::Key << "min" << YAML::Value << exact(c.min);
        if (c.max < 1e300) out << YAML::Key << "max" << YAML::Value << exact(c.max);
        out << YAML::EndMap;
      }
      if (const auto& c = p.tps_inclusion) {
        out << YAML::Key << "tps" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "min" << YAML::Value
            << with_unit(c->min, "%");
        if (c->max < 1e300) out << YAML::Key << "max" << YAML::Value << with_unit(c->max, "%");
        out << YAML::EndMap;
      }
      out << YAML::EndMap;
    }
    out << YAML::EndMap;
  }
  if (!s.arms.empty()) {
    out << YAML::Key << "arms" << YAML::Value << YAML::BeginMap;
    for (const Arm& arm : s.arms) {
      out << YAML::Key << arm.name << YAML::Value << YAML::BeginMap;
      if (arm.treatment) write_treatment(*arm.treatment, out);
      write_overlays(arm.overlays, out);
      if (arm.switch_rule) {
        out << YAML::Key << "switch" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "at" << YAML::Value << std::string(kSwitchAtNames.name(arm.switch_rule->at));
        out << YAML::Key << "to" << YAML::Value << YAML::BeginMap;
        write_treatment_body(arm.switch_rule->second_line, out);
        out << YAML::EndMap << YAML::EndMap;
      }
      out << YAML::EndMap;
    }
    out << YAML::EndMap;
    out << YAML::Key << "allocation" << YAML::Value << std::string(kAllocationNames.name(s.allocation));
    if (s.allocation == Allocation::kRandomised) {
      out << YAML::Key << "ratio" << YAML::Value << YAML::Flow << YAML::BeginSeq;
      for (double r : s.ratio) out << exact(r);
      out << YAML::EndSeq;
    }
  }
}

void write_sweep(const sweep::SweepSpec& spec, const ModelInfo& model, YAML::Emitter& out) {
  using sweep::AxisKind;
  out << YAML::Key << "sweep" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "design" << YAML::Value << std::string(sweep::kDesignNames.name(spec.design));
  if (spec.design != sweep::DesignKind::kGrid) out << YAML::Key << "samples" << YAML::Value << spec.samples;
  if (spec.design == sweep::DesignKind::kGrid || spec.design == sweep::DesignKind::kMorris)
    out << YAML::Key << "levels" << YAML::Value << spec.levels;
  out << YAML::Key << "replicates" << YAML::Value << spec.replicates;
  out << YAML::Key << "bootstrap" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "resamples"
      << YAML::Value << spec.bootstrap << YAML::Key << "level" << YAML::Value << exact(spec.level) << YAML::EndMap;
  out << YAML::Key << "axes" << YAML::Value << YAML::BeginSeq;
  for (const sweep::Axis& axis : spec.axes) {
    out << YAML::Flow << YAML::BeginMap;
    const std::string unit = axis.unit == "1" ? std::string() : axis.unit;
    switch (axis.kind) {
      case AxisKind::kParameter:
        out << YAML::Key << "parameter" << YAML::Value << std::string(model.parameters[axis.parameter].name);
        if (axis.scale) out << YAML::Key << "scale" << YAML::Value << true;
        break;
      case AxisKind::kOverlay:
        out << YAML::Key << (axis.overlay->kind == OverlayKind::kHost ? "host" : "phenotype") << YAML::Value
            << axis.overlay->name;
        break;
      case AxisKind::kDose: out << YAML::Key << "dose" << YAML::Value << axis.drug; break;
      case AxisKind::kInterval: out << YAML::Key << "interval" << YAML::Value << axis.drug; break;
      case AxisKind::kDrug: out << YAML::Key << "drug" << YAML::Value << axis.drug; break;
    }
    if (axis.kind == AxisKind::kDrug) {
      out << YAML::Key << "values" << YAML::Value << YAML::Flow << YAML::BeginSeq;
      for (const TreatmentItem& item : axis.alternatives) out << item.drug.name;
      out << YAML::EndSeq;
    } else if (axis.kind != AxisKind::kOverlay) {
      if (axis.discrete()) {
        out << YAML::Key << "values" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (double v : axis.levels) out << with_unit(v, unit);
        out << YAML::EndSeq;
      } else {
        write_distribution(axis.distribution, unit, out);
      }
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  out << YAML::Key << "outputs" << YAML::Value << YAML::Flow << spec.outputs;
  out << YAML::EndMap;
}

}  // namespace

std::string resolved_scenario_yaml(const Scenario& s) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "icbsim" << YAML::Value << s.schema_version;
  if (!s.description.empty()) out << YAML::Key << "description" << YAML::Value << s.description;
  out << YAML::Key << "model" << YAML::Value << std::string(s.model->name);
  out << YAML::Key << "parameters" << YAML::Value << YAML::BeginMap;
  for (std::size_t i = 0; i < s.model->parameters.size(); ++i)
    out << YAML::Key << std::string(s.model->parameters[i].name) << YAML::Value
        << with_unit(s.parameters[i], s.model->parameters[i].unit);
  out << YAML::EndMap;
  out << YAML::Key << "initial" << YAML::Value << YAML::BeginMap;
  for (std::size_t i = 0; i < s.model->variables.size(); ++i)
    out << YAML::Key << std::string(s.model->variables[i].name) << YAML::Value
        << with_unit(s.initial_state[i], s.model->variables[i].unit);
  out << YAML::EndMap;
  out << YAML::Key << "time" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "start" << YAML::Value << with_unit(s.time.start, "day");
  out << YAML::Key << "end" << YAML::Value << with_unit(s.time.end, "day");
  out << YAML::Key << "output_every" << YAML::Value << with_unit(s.time.output_every, "day");
  out << YAML::EndMap;
  out << YAML::Key << "solver" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "method" << YAML::Value << std::string(kSolverMethodNames.name(s.solver.method));
  out << YAML::Key << "rtol" << YAML::Value << exact(s.solver.rtol);
  out << YAML::Key << "atol" << YAML::Value << exact(s.solver.atol);
  out << YAML::Key << "initial_step" << YAML::Value << with_unit(s.solver.initial_step, "day");
  if (s.solver.max_step > 0) out << YAML::Key << "max_step" << YAML::Value << with_unit(s.solver.max_step, "day");
  out << YAML::Key << "max_steps" << YAML::Value << s.solver.max_steps;
  out << YAML::EndMap;
  if (!s.checkpoints.empty()) {
    out << YAML::Key << "checkpoints" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (double t : s.checkpoints) out << with_unit(t, "day");
    out << YAML::EndSeq;
  }
  if (s.run_in) write_run_in_section(*s.run_in, *s.model, out);
  if (s.readout) write_readout(*s.readout, *s.model, out);
  write_patient(s.patient, out);
  if (s.treatment) write_treatment(*s.treatment, out);
  write_cohort(s, out);
  if (s.sweep) write_sweep(*s.sweep, *s.model, out);
  if (s.spatial) write_spatial_section(*s.spatial, out);
  out << YAML::Key << "seed" << YAML::Value << s.seed;
  write_output_section(s, out);
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace icbsim
