// `base:` of a scenario: deep merge of shared files beneath it, and errors located in the file
// that holds the offending value (engine/io/config/scenario_base.cpp, docs/scenario.md).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "models/register_builtin.hpp"

namespace fs = std::filesystem;
using namespace icbsim;

namespace {
fs::path folder(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "icbsim_scenario_base" / name;
  fs::remove_all(dir);
  fs::create_directories(dir / "shared");
  return dir;
}
void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

constexpr const char* kPopulation =
    "model: kuznetsov1994\n"
    "time: {end: 10 days}\n"
    "population:\n"
    "  size: 20\n"
    "  distributions:\n"
    "    a: {distribution: lognormal, median: 0.18 1/day, cv: 0.2}\n"
    "seed: 4\n";
}  // namespace

TEST_CASE("base files merge beneath a scenario: maps key by key, other values replaced", "[io][base]") {
  const ModelRegistry registry = models::builtin_registry();
  const fs::path dir = folder("merge");
  write(dir / "shared/population.yaml", kPopulation);
  write(dir / "shared/fitted.yaml", "population:\n  distributions:\n    a: {cv: 0.5}\n");
  write(dir / "trial.yaml",
        "base: [shared/population.yaml, shared/fitted.yaml]\n"
        "population: {size: 7}\n"
        "seed: 9\n");
  const Scenario s = load_scenario_file((dir / "trial.yaml").string(), registry);
  REQUIRE(s.population);
  CHECK(s.population->size == 7);                               // the scenario wins
  REQUIRE(s.population->quantities.size() == 1);
  CHECK(s.population->quantities[0].distribution.a == Approx(0.18));  // kept from the first base
  CHECK(s.population->quantities[0].distribution.b == Approx(0.5));   // changed by the second
  CHECK(s.seed == 9);
  CHECK(s.time.end == 10.0);
  CHECK(s.source_text.rfind("base: [", 0) == 0);                 // the scenario's own text
}

TEST_CASE("an error in a base file cites that file, line and column", "[io][base]") {
  const ModelRegistry registry = models::builtin_registry();
  const fs::path dir = folder("located");
  write(dir / "shared/population.yaml", std::string(kPopulation) + "parameters: {aa: 1}\n");
  write(dir / "trial.yaml", "base: shared/population.yaml\n");
  try {
    (void)load_scenario_file((dir / "trial.yaml").string(), registry);
    FAIL("accepted an unknown parameter");
  } catch (const ScenarioError& e) {
    const std::string message = e.what();
    INFO(message);
    CHECK(message.find("shared/population.yaml:8:14: ") != std::string::npos);
    CHECK(message.find("has no parameter 'aa'") != std::string::npos);
  }
}

TEST_CASE("a missing base file and a cycle of bases are located errors", "[io][base]") {
  const ModelRegistry registry = models::builtin_registry();
  const fs::path dir = folder("bad");
  write(dir / "missing.yaml", "model: kuznetsov1994\nbase: [nowhere.yaml]\n");
  CHECK_THROWS_WITH(load_scenario_file((dir / "missing.yaml").string(), registry),
                    Catch::Contains("missing.yaml:2:8: cannot open base file") && Catch::Contains("nowhere.yaml"));
  write(dir / "a.yaml", "base: b.yaml\n");
  write(dir / "b.yaml", "base: a.yaml\n");
  CHECK_THROWS_WITH(load_scenario_file((dir / "a.yaml").string(), registry),
                    Catch::Contains("b.yaml:1:7: base file") && Catch::Contains("includes itself"));
}
