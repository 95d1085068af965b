// Restart and branch scenarios from a checkpoint file and a branches file.
#include "engine/io/checkpoint/checkpoint_loader.hpp"

#include <fstream>
#include <memory>
#include <sstream>

#include "engine/core/errors.hpp"
#include "engine/io/checkpoint/checkpoint_file.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/run/branch.hpp"
#include "engine/run/plan.hpp"

namespace icbsim {
namespace {

/// Plans the continued scenario and builds every task once: a mismatch with the checkpoint is bad input.
void check_against_checkpoint(const Scenario& scenario, const std::string& checkpoint_path) {
  try {
    const Plan plan(scenario);
    check_continuation(plan);
  } catch (const ScenarioError&) {
    throw;
  } catch (const Error& e) {
    throw ScenarioError(SourceLocation{checkpoint_path, 0, 0}, e.what());
  }
}

std::string number_text(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError(SourceLocation{path, 0, 0}, "cannot open the branches file (does it exist and is it readable?)");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The branch arms may change the treatment only.
void check_branch_arms(const ConfigNode& arms) {
  if (!arms.is_map() || arms.entries("arms").empty()) arms.fail("arms: must name at least one branch (a map of arm names)");
  for (const auto& [name, arm] : arms.entries("arms")) {
    if (!arm.is_map()) continue;  // the scenario loader reports what an arm must be
    for (const char* key : {"phenotypes", "host"})
      if (arm.find(key))
        arm.key_node(key).fail("a branch changes the treatment only: the patient's phenotypes and host factors are "
                               "those of the history");
  }
}

}  // namespace

Scenario load_restart_scenario(const std::string& checkpoint_path, const ModelRegistry& registry) {
  CheckpointFile file = read_checkpoint_file(checkpoint_path, registry);
  Scenario s = load_scenario_text(file.scenario_resolved, checkpoint_path + ":scenario_resolved", registry);
  s.source_name = file.scenario_file;  // the result file names the scenario as the straight run's does
  s.source_text = file.scenario;
  auto checkpoint = std::make_shared<const Checkpoint>(std::move(file.checkpoint));
  s.continuation = std::make_shared<const Continuation>(Continuation{std::move(checkpoint), false});
  check_against_checkpoint(s, checkpoint_path);
  return s;
}

Scenario load_branch_scenario(const std::string& checkpoint_path, const std::string& branches_path,
                              const ModelRegistry& registry) {
  CheckpointFile file = read_checkpoint_file(checkpoint_path, registry);
  const std::string history_name = checkpoint_path + ":scenario_resolved";
  const Scenario history = load_scenario_text(file.scenario_resolved, history_name, registry);
  if (history.arms.size() > 1)
    throw ScenarioError(SourceLocation{checkpoint_path, 0, 0},
                        "the checkpointed scenario has " + std::to_string(history.arms.size()) +
                            " arms; a branch continues one treatment history: checkpoint a scenario with one arm");
  const Treatment* treated = !history.arms.empty() && history.arms[0].treatment ? &*history.arms[0].treatment
                             : history.treatment                               ? &*history.treatment
                                                                               : nullptr;

  const std::string text = read_text(branches_path);
  const ConfigNode branches = parse_yaml_text(text, branches_path);
  if (!branches.is_map()) branches.fail("a branches file must be a map with arms: (docs/checkpoints.md)");
  branches.check_keys({"icbsim", "description", "at", "arms", "output"}, "the branches file");
  if (const ConfigNode* at = branches.find("at")) {
    const double t = at->as_quantity("day", "at (the checkpoint time)");
    if (t != file.checkpoint.time)
      at->fail("the checkpoint '" + checkpoint_path + "' is at day " + number_text(file.checkpoint.time) + ", not at day " +
               number_text(t));
  }
  check_branch_arms(branches.at("arms"));

  // The checkpointed scenario without its treatment, arms and output, with the branches' instead.
  const ConfigNode root = parse_yaml_text(file.scenario_resolved, history_name);
  ConfigNode merged = ConfigNode::make(ConfigNode::Kind::kMap, branches.where(), nullptr);
  for (const auto& [key, value] : root.entries("the checkpointed scenario"))
    if (key != "treatment" && key != "arms" && key != "allocation" && key != "ratio" && key != "output" && key != "description")
      merged.add_entry(key, root.key_node(key), value);
  for (const char* key : {"description", "arms", "output"})
    if (const ConfigNode* value = branches.find(key)) merged.add_entry(key, branches.key_node(key), *value);
  Scenario s = load_scenario_node(merged, text, branches_path, registry);
  make_branch(s, treated, std::make_shared<const Checkpoint>(std::move(file.checkpoint)));
  check_against_checkpoint(s, checkpoint_path);
  return s;
}

void annotate_branch_result(const std::string& result_path, const std::string& checkpoint_path, double time) {
  h5::Id file(h5::check(H5Fopen(result_path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "opening '" + result_path + "'"));
  h5::set_attribute(file.get(), "branch_checkpoint", checkpoint_path);
  h5::set_attribute(file.get(), "branch_time", time);
}

}  // namespace icbsim
