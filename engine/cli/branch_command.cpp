// `icbsim branch CHECKPOINT BRANCHES [-o FILE]`: one checkpoint continued under several
// treatments from its time, every arm a task per checkpointed patient, in one result file.
#include <iostream>

#include "engine/cli/commands.hpp"
#include "engine/core/errors.hpp"
#include "engine/io/checkpoint_loader.hpp"
#include "engine/run/checkpoint.hpp"

namespace icbsim::cli {

int branch_command(const BranchOptions& options, const ModelRegistry& registry) {
  Scenario scenario = load_branch_scenario(options.checkpoint, options.branches, registry);
  const std::string output = options.output ? *options.output : scenario.output_path;
  if (output.empty())
    throw ScenarioError(SourceLocation{options.branches, 0, 0},
                        "no result file named: add `output: FILE.h5` to the branches file or pass -o FILE.h5");
  scenario.output_path = output;
  const int code = run_continued(scenario, output, options.quiet);
  annotate_branch_result(output, options.checkpoint, scenario.continuation->checkpoint->time);
  return code;
}

}  // namespace icbsim::cli
