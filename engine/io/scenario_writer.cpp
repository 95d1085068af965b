// YAML emission of a resolved scenario; numbers are written with round-trip precision.
#include "engine/io/scenario_writer.hpp"

#include <cstdio>

#include <yaml-cpp/yaml.h>

namespace icbsim {
namespace {

std::string exact(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

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
  if (s.readout) write_readout(*s.readout, *s.model, out);
  out << YAML::Key << "seed" << YAML::Value << s.seed;
  if (!s.output_path.empty()) out << YAML::Key << "output" << YAML::Value << s.output_path;
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace icbsim
