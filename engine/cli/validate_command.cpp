// `icbsim validate SCENARIO`: check input only and print the scenario with every default filled in.
#include <iostream>

#include "engine/cli/commands.hpp"
#include "engine/io/config/output_section.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/config/scenario_writer.hpp"

namespace icbsim::cli {

int validate_command(const std::string& scenario_path, const ModelRegistry& registry) {
  const Scenario scenario = load_scenario_file(scenario_path, registry);
  std::cout << "# " << scenario_path << ": valid\n# stored: " << describe_output(scenario) << "\n"
            << resolved_scenario_yaml(scenario);
  return kOk;
}

}  // namespace icbsim::cli
