// The bad-input catalogue: every file in tests/data/bad/ is a malformed scenario whose first lines
// state the expected message fragment ("# expect: ...") and location ("# location: L:C"). Each must
// be rejected with a ScenarioError that names file:line:column, shows the line with a caret, and
// contains the fragment; none may crash.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/io/config/scenario_loader.hpp"
#include "models/register_builtin.hpp"

namespace {

struct Expectation {
  std::string fragment;
  std::string location;  // "L:C" or empty
};

Expectation read_expectation(const std::filesystem::path& file) {
  std::ifstream in(file);
  Expectation e;
  std::string line;
  while (std::getline(in, line) && line.rfind("# ", 0) == 0) {
    if (line.rfind("# expect: ", 0) == 0) e.fragment = line.substr(10);
    if (line.rfind("# location: ", 0) == 0) e.location = line.substr(12);
  }
  return e;
}

}  // namespace

TEST_CASE("every catalogued bad scenario is rejected with its located message", "[io][bad-input]") {
  const auto registry = icbsim::models::builtin_registry();
  const std::filesystem::path folder = std::filesystem::path(ICBSIM_SOURCE_DIR) / "tests/data/bad";
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".yaml") continue;
    ++count;
    const Expectation expected = read_expectation(entry.path());
    const std::string path = entry.path().string();
    INFO(path);
    REQUIRE_FALSE(expected.fragment.empty());
    try {
      (void)icbsim::load_scenario_file(path, registry);
      FAIL("accepted a bad scenario");
    } catch (const icbsim::ScenarioError& e) {
      const std::string message = e.what();
      INFO(message);
      CHECK(message.find(expected.fragment) != std::string::npos);
      const std::string prefix = path + (expected.location.empty() ? "" : ":" + expected.location) + ": ";
      CHECK(message.rfind(prefix, 0) == 0);
      if (!expected.location.empty()) CHECK(message.find("\n  ") != std::string::npos);  // the line, then the caret
      if (!expected.location.empty()) CHECK(message.back() == '^');
    }
  }
  CHECK(count >= 25);
}

TEST_CASE("a missing scenario file is a located bad-input error", "[io][bad-input]") {
  const auto registry = icbsim::models::builtin_registry();
  REQUIRE_THROWS_WITH(icbsim::load_scenario_file("/nonexistent/scenario.yaml", registry),
                      Catch::Contains("/nonexistent/scenario.yaml") && Catch::Contains("cannot open the scenario file"));
}

TEST_CASE("the caret stands under the offending column", "[io][bad-input]") {
  const auto registry = icbsim::models::builtin_registry();
  const std::string text = "model: kuznetsov1994\nparameters:\n  a: .nan\ntime: {end: 1 day}\n";
  try {
    (void)icbsim::load_scenario_text(text, "inline.yaml", registry);
    FAIL("accepted");
  } catch (const icbsim::ScenarioError& e) {
    // Two spaces of indent before the quoted line and before the caret line; the caret in column 6.
    CHECK(std::string(e.what()) ==
          "inline.yaml:3:6: parameter 'a' must be a finite number, found '.nan'\n    a: .nan\n       ^");
    CHECK(e.where().line == 3);
    CHECK(e.where().column == 6);
  }
}
