// run_in: {hold: [...], scale: [...], period: 60 days, rounds: 10}
#include "engine/io/config/run_in_section.hpp"

#include <algorithm>
#include <sstream>
#include <string>

#include "engine/core/spelling.hpp"

namespace icbsim {
namespace {

constexpr std::size_t kMaxRounds = 1000;

std::vector<std::size_t> read_states(const ConfigNode& section, std::string_view key, const ModelInfo& model,
                                     bool required) {
  std::vector<std::size_t> indices;
  const ConfigNode* list = section.find(key);
  if (list == nullptr) {
    if (required) section.fail("run_in needs '" + std::string(key) + "': the state variables of the tumour burden");
    return indices;
  }
  std::vector<std::string_view> names;
  for (const auto& v : model.variables) names.push_back(v.name);
  for (const ConfigNode& item : list->items("run_in." + std::string(key) + " (a list of state variables)")) {
    const std::string& name = item.text("a state variable");
    const int index = model.variable_index(name);
    if (index < 0)
      item.fail("model '" + std::string(model.name) + "' has no state variable '" + name + "'" +
                did_you_mean(name, names));
    const auto i = static_cast<std::size_t>(index);
    if (std::find(indices.begin(), indices.end(), i) != indices.end())
      item.fail("state variable '" + name + "' is listed twice in run_in." + std::string(key));
    indices.push_back(i);
  }
  if (required && indices.empty()) list->fail("run_in." + std::string(key) + " must name at least one state variable");
  return indices;
}

}  // namespace

RunInSpec read_run_in_section(const ConfigNode& node, const ModelInfo& model) {
  if (!node.is_map()) node.fail("run_in must be a map (hold:, scale:, period:, rounds:)");
  node.check_keys({"hold", "scale", "period", "rounds"}, "run_in");
  RunInSpec spec;
  spec.held = read_states(node, "hold", model, true);
  spec.scaled = read_states(node, "scale", model, false);
  for (std::size_t k = 0; k < spec.scaled.size(); ++k)
    if (std::find(spec.held.begin(), spec.held.end(), spec.scaled[k]) != spec.held.end())
      node.at("scale").items("run_in.scale")[k].fail("state variable '" +
                                                     std::string(model.variables[spec.scaled[k]].name) +
                                                     "' is both held and scaled by the run-in");
  if (const ConfigNode* n = node.find("period")) {
    spec.period = n->as_quantity("day", "run_in.period");
    if (!(spec.period > 0)) n->fail("run_in.period must be positive");
  }
  if (const ConfigNode* n = node.find("rounds")) {
    const auto v = n->as_unsigned("run_in.rounds");
    if (v == 0 || v > kMaxRounds) n->fail("run_in.rounds must lie between 1 and " + std::to_string(kMaxRounds));
    spec.rounds = static_cast<std::size_t>(v);
  }
  return spec;
}

void write_run_in_section(const RunInSpec& spec, const ModelInfo& model, YAML::Emitter& out) {
  auto names = [&](const std::vector<std::size_t>& indices) {
    out << YAML::Flow << YAML::BeginSeq;
    for (std::size_t i : indices) out << std::string(model.variables[i].name);
    out << YAML::EndSeq;
  };
  std::ostringstream period;
  period.precision(17);
  period << spec.period << " day";
  out << YAML::Key << "run_in" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "hold" << YAML::Value;
  names(spec.held);
  out << YAML::Key << "scale" << YAML::Value;
  names(spec.scaled);
  out << YAML::Key << "period" << YAML::Value << period.str();
  out << YAML::Key << "rounds" << YAML::Value << spec.rounds;
  out << YAML::EndMap;
}

}  // namespace icbsim
