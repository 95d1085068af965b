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
  out << YAML::Key << "seed" << YAML::Value << s.seed;
  if (!s.output_path.empty()) out << YAML::Key << "output" << YAML::Value << s.output_path;
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace icbsim
