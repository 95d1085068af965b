// readout.tps: the model row of the true TPS (in %) and the number of tumour cells scored.
#include "engine/io/config/tps_section.hpp"

#include <string>

#include "engine/core/spelling.hpp"

namespace icbsim {

namespace {
constexpr unsigned long long kMaxCells = 100000000;
}

readout::TpsAssay read_tps_section(const ConfigNode& node, const ModelInfo& model) {
  if (!node.is_map()) node.fail("readout.tps must be a map (from:, cells_scored:)");
  node.check_keys({"from", "cells_scored"}, "readout.tps");
  readout::TpsAssay assay;
  const ConfigNode& from = node.at("from");
  const std::string& name = from.text("readout.tps.from");
  std::vector<std::string_view> names;
  bool found = false;
  std::string_view unit;
  for (std::size_t i = 0; i < model.variables.size() && !found; ++i)
    if (model.variables[i].name == name) {
      assay.row = i;
      unit = model.variables[i].unit;
      found = true;
    }
  for (std::size_t k = 0; k < model.observables.size() && !found; ++k)
    if (model.observables[k].name == name) {
      assay.row = model.variables.size() + k;
      unit = model.observables[k].unit;
      found = true;
    }
  if (!found) {
    for (const auto& v : model.variables) names.push_back(v.name);
    for (const auto& o : model.observables) names.push_back(o.name);
    from.fail("model '" + std::string(model.name) + "' has no state variable or observable '" + name + "'" +
              did_you_mean(name, names));
  }
  if (unit != "%")
    from.fail("readout.tps.from must be a share in % (the tumour proportion score); '" + name + "' is in '" +
              std::string(unit) + "'");
  if (const ConfigNode* n = node.find("cells_scored")) {
    const auto v = n->as_unsigned("readout.tps.cells_scored");
    if (v == 0 || v > kMaxCells)
      n->fail("readout.tps.cells_scored must lie between 1 and " + std::to_string(kMaxCells));
    assay.cells_scored = static_cast<std::size_t>(v);
  }
  return assay;
}

void write_tps_section(const readout::TpsAssay& assay, const ModelInfo& model, YAML::Emitter& out) {
  const std::string name = assay.row < model.variables.size()
                               ? std::string(model.variables[assay.row].name)
                               : std::string(model.observables[assay.row - model.variables.size()].name);
  out << YAML::Key << "tps" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "from" << YAML::Value << name
      << YAML::Key << "cells_scored" << YAML::Value << assay.cells_scored << YAML::EndMap;
}

}  // namespace icbsim
