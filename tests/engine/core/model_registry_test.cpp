// Model registry: lookup by name, duplicate names, unknown names with suggestions; and the
// built-in models' declarations are complete.
#include <catch2/catch.hpp>

#include "engine/core/errors.hpp"
#include "engine/core/spelling.hpp"
#include "engine/core/units.hpp"
#include "models/register_builtin.hpp"

TEST_CASE("the built-in registry finds models by name", "[core][registry]") {
  const auto registry = icbsim::models::builtin_registry();
  CHECK(registry.find("kuznetsov1994") != nullptr);
  CHECK(registry.find("nope") == nullptr);
  CHECK_THROWS_WITH(registry.get("kuznetsov94"),
                    Catch::Contains("unknown model 'kuznetsov94' (did you mean 'kuznetsov1994'?)") &&
                        Catch::Contains("known models: kuznetsov1994"));
}

TEST_CASE("a name registered twice is an error", "[core][registry]") {
  auto registry = icbsim::models::builtin_registry();
  const icbsim::ModelInfo copy = *registry.find("kuznetsov1994");
  CHECK_THROWS_WITH(registry.add(copy), Catch::Contains("registered twice"));
}

TEST_CASE("every built-in declaration is complete and its units parse", "[core][registry]") {
  const auto registry = icbsim::models::builtin_registry();
  for (const auto& m : registry.models()) {
    INFO(m.name);
    CHECK_FALSE(m.reference.empty());
    for (const auto& p : m.parameters) {
      INFO(p.name);
      CHECK_FALSE(p.description.empty());
      CHECK_FALSE(p.source.empty());
      CHECK(p.min <= p.value);
      CHECK(p.value <= p.max);
      CHECK_NOTHROW(icbsim::parse_unit(p.unit));
    }
    for (const auto& v : m.variables) CHECK_NOTHROW(icbsim::parse_unit(v.unit));
    for (const auto& v : m.observables) CHECK_NOTHROW(icbsim::parse_unit(v.unit));
  }
}

TEST_CASE("edit distance and suggestions", "[core][spelling]") {
  CHECK(icbsim::edit_distance("kitten", "sitting") == 3);
  CHECK(icbsim::edit_distance("", "abc") == 3);
  const std::string_view names[] = {"parameters", "initial", "time"};
  CHECK(icbsim::did_you_mean("paramters", names) == " (did you mean 'parameters'?)");
  CHECK(icbsim::did_you_mean("zzzzzz", names).empty());
}

TEST_CASE("located errors show the line and a caret", "[core][errors]") {
  const icbsim::ScenarioError e({"a.yaml", 2, 5}, "bad value", "key: bad");
  CHECK(std::string(e.what()) == "a.yaml:2:5: bad value\n  key: bad\n      ^");
  const icbsim::SolverError s("step size underflow", 12.5, 1e-14);
  CHECK(std::string(s.what()).find("t = 12.5 day") != std::string::npos);
  CHECK(s.t() == 12.5);
}
