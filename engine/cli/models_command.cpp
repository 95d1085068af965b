// `icbsim models [--describe NAME]`: the registered models, or one model's variables, observables
// and full parameter table with units, ranges and sources.
#include <cstdio>
#include <iostream>

#include "engine/cli/commands.hpp"
#include "engine/core/errors.hpp"

namespace icbsim::cli {
namespace {

void print_variables(const char* title, std::span<const VariableSpec> variables, bool with_initial) {
  if (variables.empty()) return;
  std::printf("\n%s\n", title);
  for (const auto& v : variables) {
    if (with_initial)
      std::printf("  %-12s %-14s initial %-10.4g %.*s\n", std::string(v.name).c_str(), std::string(v.unit).c_str(),
                  v.initial, static_cast<int>(v.description.size()), v.description.data());
    else
      std::printf("  %-12s %-14s %.*s\n", std::string(v.name).c_str(), std::string(v.unit).c_str(),
                  static_cast<int>(v.description.size()), v.description.data());
  }
}

void describe(const ModelInfo& m) {
  std::printf("%s\n  %.*s\n  reference: %.*s\n", std::string(m.name).c_str(), static_cast<int>(m.description.size()),
              m.description.data(), static_cast<int>(m.reference.size()), m.reference.data());
  print_variables("state variables", m.variables, true);
  print_variables("observables", m.observables, false);
  std::printf("\nparameters\n  %-12s %-16s %12s %12s %12s  %s\n", "name", "unit", "default", "min", "max",
              "meaning [source]");
  for (const auto& p : m.parameters)
    std::printf("  %-12s %-16s %12.5g %12.5g %12.5g  %.*s [%.*s]\n", std::string(p.name).c_str(),
                std::string(p.unit).c_str(), p.value, p.min, p.max, static_cast<int>(p.description.size()),
                p.description.data(), static_cast<int>(p.source.size()), p.source.data());
}

}  // namespace

int models_command(const std::optional<std::string>& name, const ModelRegistry& registry) {
  if (name) {
    const ModelInfo* m = registry.find(*name);
    if (m == nullptr) {
      try {
        registry.get(*name);  // throws with the known names and a suggestion
      } catch (const Error& e) {
        std::cerr << "error: " << e.what() << '\n';
      }
      return kBadInput;
    }
    describe(*m);
    return kOk;
  }
  for (const auto& m : registry.models())
    std::printf("%-24s %.*s\n", std::string(m.name).c_str(), static_cast<int>(m.description.size()), m.description.data());
  return kOk;
}

}  // namespace icbsim::cli
