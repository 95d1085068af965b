// output: a file name or {file, trajectories, every, precision, compression}.
#include "engine/io/config/output_section.hpp"

#include <algorithm>
#include <sstream>
#include <string_view>
#include <vector>

#include "engine/core/spelling.hpp"
#include "engine/io/config/scenario_loader.hpp"

namespace icbsim {

namespace {

/// The name of row `row`: a state variable, then the observables.
std::string_view row_name(const ModelInfo& model, std::size_t row) {
  return row < model.variables.size() ? model.variables[row].name
                                      : model.observables[row - model.variables.size()].name;
}

/// The row of a variable or observable name; model.variables.size() + observables.size() if none.
std::size_t row_of(const ModelInfo& model, std::string_view name) {
  const std::size_t rows = model.variables.size() + model.observables.size();
  for (std::size_t r = 0; r < rows; ++r)
    if (row_name(model, r) == name) return r;
  return rows;
}

/// The trajectories a sweep's outputs read: VAR of final:VAR, min:VAR, max:VAR.
std::vector<std::string> sweep_trajectories(const Scenario& s) {
  std::vector<std::string> names;
  if (!s.sweep) return names;
  for (const std::string& o : s.sweep->outputs)
    for (std::string_view prefix : {"final:", "min:", "max:"})
      if (o.rfind(prefix, 0) == 0) names.push_back(o.substr(prefix.size()));
  return names;
}

void add_row(std::vector<std::size_t>& rows, std::size_t row) {
  if (std::find(rows.begin(), rows.end(), row) == rows.end()) rows.push_back(row);
  std::sort(rows.begin(), rows.end());
}

}  // namespace

const ConfigNode* output_every_node(const ConfigNode* output) {
  return output != nullptr && output->is_map() ? output->find("every") : nullptr;
}

void read_output_section(const ConfigNode* node, Scenario& s) {
  const ModelInfo& model = *s.model;
  const std::vector<std::string> swept = sweep_trajectories(s);
  const ConfigNode* file = node;
  const ConfigNode* trajectories = nullptr;
  if (node != nullptr && node->is_map()) {
    node->check_keys({"file", "trajectories", "every", "precision", "compression"}, "output");
    s.output.stated = true;
    file = node->find("file");
    trajectories = node->find("trajectories");
    if (const ConfigNode* n = node->find("precision"))
      s.output.precision = n->as_enum(kOutputPrecisionNames, "output.precision");
    if (const ConfigNode* n = node->find("compression"))
      s.output.compression = n->as_enum(kOutputCompressionNames, "output.compression");
  } else if (node != nullptr && !node->is_scalar()) {
    node->fail("output must name a file, or be a map (file:, trajectories:, every:, precision:, compression:)");
  }
  if (file != nullptr) {
    s.output_path = file->text("output file");
    if (s.output_path.empty()) file->fail("output must name a file");
    check_output_path(s.output_path, file);
  }
  if (trajectories == nullptr) {
    if (s.sweep) {  // a sweep stores its outcomes and the trajectories its outputs read
      s.output.all_trajectories = false;
      for (const std::string& name : swept)
        if (const std::size_t row = row_of(model, name); row < model.variables.size() + model.observables.size())
          add_row(s.output.trajectory_rows, row);
    }
    return;
  }
  s.output.all_trajectories = false;
  std::vector<std::string_view> names;
  for (const auto& v : model.variables) names.push_back(v.name);
  for (const auto& o : model.observables) names.push_back(o.name);
  if (trajectories->is_scalar()) {
    const std::string& word = trajectories->text("output.trajectories");
    if (word == "all") {
      s.output.all_trajectories = true;
    } else if (word != "none") {
      trajectories->fail(
          "output.trajectories must be all, none or a list of state variables and observables of model '" +
          std::string(model.name) + "', found '" + word + "'");
    }
  } else {
    for (const ConfigNode& item : trajectories->items("output.trajectories")) {
      const std::string& name = item.text("a trajectory name");
      const std::size_t row = row_of(model, name);
      if (row == names.size())
        item.fail("model '" + std::string(model.name) + "' has no state variable or observable '" + name + "'" +
                  did_you_mean(name, names));
      add_row(s.output.trajectory_rows, row);
    }
  }
  if (!s.output.all_trajectories)
    for (const std::string& name : swept)
      if (!s.output.stores(row_of(model, name)))
        trajectories->fail("the sweep's output '" + name + "' is read from its trajectory: list '" + name +
                           "' under output.trajectories");
}

void write_output_section(const Scenario& s, YAML::Emitter& out) {
  if (!s.output.stated) {
    if (!s.output_path.empty()) out << YAML::Key << "output" << YAML::Value << s.output_path;
    return;
  }
  out << YAML::Key << "output" << YAML::Value << YAML::Flow << YAML::BeginMap;
  if (!s.output_path.empty()) out << YAML::Key << "file" << YAML::Value << s.output_path;
  out << YAML::Key << "trajectories" << YAML::Value;
  if (s.output.all_trajectories) {
    out << "all";
  } else if (s.output.trajectory_rows.empty()) {
    out << "none";
  } else {
    out << YAML::BeginSeq;
    for (std::size_t r : s.output.trajectory_rows) out << std::string(row_name(*s.model, r));
    out << YAML::EndSeq;
  }
  out << YAML::Key << "precision" << YAML::Value << std::string(kOutputPrecisionNames.name(s.output.precision));
  out << YAML::Key << "compression" << YAML::Value << std::string(kOutputCompressionNames.name(s.output.compression));
  out << YAML::EndMap;
}

std::string describe_output(const Scenario& s) {
  std::ostringstream text;
  text << "trajectories ";
  if (s.output.all_trajectories) {
    text << "all";
  } else if (s.output.trajectory_rows.empty()) {
    text << "none";
  } else {
    for (std::size_t i = 0; i < s.output.trajectory_rows.size(); ++i)
      text << (i ? ", " : "") << row_name(*s.model, s.output.trajectory_rows[i]);
  }
  text << ", every " << s.time.output_every << " day, " << kOutputPrecisionNames.name(s.output.precision)
       << " precision, compression " << kOutputCompressionNames.name(s.output.compression);
  return text.str();
}

}  // namespace icbsim
