// YAML emission of `spatial:`; numbers in the shortest form that reads back to the same double.
#include "engine/io/config/spatial_writer.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include <yaml-cpp/yaml.h>

#include "engine/core/number_text.hpp"

namespace icbsim {
namespace {

std::string quantity(double v, std::string_view unit) {
  const std::string number = std::isnan(v) ? std::string(".nan") : shortest(v);
  return unit.empty() ? number : number + " " + std::string(unit);
}

}  // namespace

void write_spatial_section(const SpatialSpec& spec, YAML::Emitter& out) {
  const SpatialGrid& g = spec.grid;
  out << YAML::Key << "spatial" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "lattice" << YAML::Value << YAML::Flow << YAML::BeginSeq << g.voxels[0] << g.voxels[1];
  if (g.voxels[2] > 1) out << g.voxels[2];
  out << YAML::EndSeq;
  out << YAML::Key << "voxel" << YAML::Value << quantity(g.voxel_um, "um");
  out << YAML::Key << "step" << YAML::Value << quantity(g.step_days, "day");
  out << YAML::Key << "coupling" << YAML::Value << quantity(g.coupling_days(), "day");
  out << YAML::Key << "block" << YAML::Value << g.block_size;
  out << YAML::Key << "parameters" << YAML::Value << YAML::BeginMap;
  for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
    const ParameterSpec& p = spec.parameters_model->parameters[i];
    out << YAML::Key << std::string(p.name) << YAML::Value << quantity(spec.parameters[i], p.unit);
  }
  out << YAML::EndMap;
  if (!spec.snapshot_times.empty() || !spec.snapshot_tasks.empty()) {
    out << YAML::Key << "snapshots" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "times" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const double t : spec.snapshot_times) out << quantity(t, "day");
    out << YAML::EndSeq;
    out << YAML::Key << "tasks" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const std::size_t k : spec.snapshot_tasks) out << k;
    out << YAML::EndSeq << YAML::EndMap;
  }
  out << YAML::EndMap;
}

}  // namespace icbsim
