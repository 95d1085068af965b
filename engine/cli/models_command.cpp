// `icbsim models [--describe NAME [--format text|markdown|json]]`: the registered models, or one
// model's variables, observables and full parameter table with units, ranges and sources.
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "engine/cli/commands.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/model_description.hpp"

namespace icbsim::cli {
namespace {

/// Columns of the terminal on stdout ($COLUMNS, then the terminal's size), 100 otherwise.
std::size_t terminal_width() {
  if (const char* columns = std::getenv("COLUMNS")) {
    const long n = std::strtol(columns, nullptr, 10);
    if (n >= 40) return static_cast<std::size_t>(n);
  }
  winsize size{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 40) return size.ws_col;
  return 100;
}

}  // namespace

int models_command(const std::optional<std::string>& name, Format format, const ModelRegistry& registry) {
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
    if (format == Format::kMarkdown)
      std::cout << describe_markdown(*m);
    else if (format == Format::kJson)
      std::cout << describe_json(*m);
    else
      std::cout << describe_text(*m, terminal_width());
    return kOk;
  }
  for (const auto& m : registry.models())
    std::printf("%-24s %.*s\n", std::string(m.name).c_str(), static_cast<int>(m.description.size()), m.description.data());
  return kOk;
}

}  // namespace icbsim::cli
