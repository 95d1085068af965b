// The overlay loader (engine/io/overlay_loader): the shipped phenotype and host-factor files, unit
// conversion into declared units, and every kind of bad input rejected with a located message —
// inline cases here and the catalogue of malformed files in tests/data/bad_overlays.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/io/config/overlay_loader.hpp"
#include "models/register_builtin.hpp"

namespace {

const std::string kConfigs = std::string(ICBSIM_SOURCE_DIR) + "/configs";

icbsim::Overlay read(const std::string& yaml) {
  const auto registry = icbsim::models::builtin_registry();
  return icbsim::read_overlay(icbsim::parse_yaml_text(yaml, "inline.yaml"), registry);
}

/// A valid overlay on kuznetsov1994 whose single change is `change` (a flow map).
std::string with_change(const std::string& change, const std::string& extra_top = "") {
  return "phenotype: test\n"
         "group: tumour\n"
         "description: a test\n"
         "source: test 2024\n" +
         extra_top +
         "changes:\n"
         "  kuznetsov1994:\n"
         "    - " + change + "\n";
}

/// Expects a ScenarioError at line:column whose message contains `fragment`.
void expect_error(const std::string& yaml, const std::string& fragment, int line, int column) {
  INFO(yaml);
  try {
    (void)read(yaml);
    FAIL("accepted a bad overlay");
  } catch (const icbsim::ScenarioError& e) {
    INFO(e.what());
    CHECK(std::string(e.what()).find(fragment) != std::string::npos);
    CHECK(e.where().line == line);
    CHECK(e.where().column == column);
  }
}

}  // namespace

TEST_CASE("every shipped phenotype and host factor loads, covers nsclc_icb and applies", "[overlay][io]") {
  const auto registry = icbsim::models::builtin_registry();
  const auto& model = registry.get("nsclc_icb");
  std::size_t phenotypes = 0;
  std::size_t hosts = 0;
  for (const auto& [folder, kind] : {std::pair{std::string("phenotypes"), icbsim::OverlayKind::kPhenotype},
                                     std::pair{std::string("host"), icbsim::OverlayKind::kHost}}) {
    for (const std::string& name : icbsim::list_overlays(kConfigs + "/" + folder)) {
      INFO(name);
      const icbsim::Overlay o = icbsim::load_overlay_file(kConfigs + "/" + folder + "/" + name + ".yaml", registry);
      CHECK(o.name == name);
      CHECK(o.kind == kind);
      CHECK_FALSE(o.source.empty());
      CHECK_FALSE(o.description.empty());
      REQUIRE(o.changes_by_model.count("nsclc_icb") == 1);
      for (const auto& [m, changes] : o.changes_by_model)
        for (const auto& c : changes) CHECK_FALSE(c.rationale.empty());
      std::vector<double> p;
      for (const auto& spec : model.parameters) p.push_back(spec.value);
      CHECK_NOTHROW(icbsim::apply_overlay(o, model, p));
      (kind == icbsim::OverlayKind::kPhenotype ? phenotypes : hosts) += 1;
    }
  }
  CHECK(phenotypes >= 13);  // one per tumour and microenvironment mechanism of Gomatou 2025
  CHECK(hosts >= 3);
}

TEST_CASE("prevalences are read where the overlay source gives one", "[overlay][io]") {
  const auto registry = icbsim::models::builtin_registry();
  const auto steroids = icbsim::load_overlay_file(kConfigs + "/host/corticosteroids.yaml", registry);
  REQUIRE(steroids.prevalence.has_value());
  CHECK(steroids.prevalence->value == Approx(0.14));
  const auto stk11 = icbsim::load_overlay_file(kConfigs + "/phenotypes/stk11_keap1.yaml", registry);
  REQUIRE(stk11.prevalence.has_value());
  CHECK(stk11.prevalence->value == Approx(0.136));
  CHECK(read(with_change("{parameter: n, scale: 0.5, rationale: r}", "prevalence: {value: 30 %, source: s}\n"))
            .prevalence->value == Approx(0.3));
}

TEST_CASE("set and add values are converted into the parameter's declared unit", "[overlay][io]") {
  const auto registry = icbsim::models::builtin_registry();
  // tgfb_caf_barrier sets tgfb_stromal to 250 pM; nsclc_icb declares nM.
  const auto tgfb = icbsim::load_overlay_file(kConfigs + "/phenotypes/tgfb_caf_barrier.yaml", registry);
  bool found = false;
  for (const auto& c : tgfb.changes_by_model.at("nsclc_icb"))
    if (c.parameter == "tgfb_stromal") {
      found = true;
      CHECK(c.op == icbsim::ChangeOp::kSet);
      CHECK(c.value == Approx(0.25));
    }
  CHECK(found);
  // Kuznetsov's a is declared in 1/day: 0.01 1/h = 0.24 1/day; s in cells/day: 100 cells/h = 2400.
  const auto a = read(with_change("{parameter: a, set: 0.01 1/h, rationale: r}"));
  CHECK(a.changes_by_model.at("kuznetsov1994")[0].value == Approx(0.24));
  const auto s = read(with_change("{parameter: s, add: 100 cells/h, rationale: r}"));
  CHECK(s.changes_by_model.at("kuznetsov1994")[0].op == icbsim::ChangeOp::kAdd);
  CHECK(s.changes_by_model.at("kuznetsov1994")[0].value == Approx(2400));
  const auto pct = read(with_change("{parameter: n, scale: 50 %, rationale: r}"));
  CHECK(pct.changes_by_model.at("kuznetsov1994")[0].value == Approx(0.5));
}

TEST_CASE("list_overlays gives sorted names and rejects a missing folder", "[overlay][io]") {
  const auto names = icbsim::list_overlays(kConfigs + "/host");
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(std::find(names.begin(), names.end(), "antibiotics") != names.end());
  CHECK_THROWS_AS(icbsim::list_overlays(kConfigs + "/no_such_folder"), icbsim::IoError);
}

TEST_CASE("bad overlay input is rejected with its location", "[overlay][io][bad-input]") {
  const std::string ok = "{parameter: n, scale: 0.5, rationale: r}";
  SECTION("unknown top-level key") {
    expect_error(with_change(ok, "sorce: x\n"), "unknown key 'sorce' in an overlay file (did you mean 'source'?)", 5, 1);
  }
  SECTION("unknown model") {
    expect_error("phenotype: t\ngroup: tumour\ndescription: d\nsource: s\nchanges:\n  kuznetsov94: []\n",
                 "unknown model 'kuznetsov94' (did you mean 'kuznetsov1994'?)", 6, 3);
  }
  SECTION("unknown parameter") {
    expect_error(with_change("{parameter: nn, scale: 0.5, rationale: r}"),
                 "model 'kuznetsov1994' has no parameter 'nn' (did you mean 'n'?)", 7, 19);
  }
  SECTION("two operations") {
    expect_error(with_change("{parameter: n, scale: 0.5, set: 1e-7, rationale: r}"),
                 "a change takes exactly one of scale, set, add; 'n' has both 'scale' and 'set'", 7, 34);
  }
  SECTION("no operation") {
    expect_error(with_change("{parameter: n, rationale: r}"), "the change of 'n' needs exactly one of scale, set, add", 7,
                 7);
  }
  SECTION("non-finite value") {
    expect_error(with_change("{parameter: n, set: .nan, rationale: r}"), "set of 'n' must be a finite number", 7, 27);
  }
  SECTION("negative scale") {
    expect_error(with_change("{parameter: n, scale: -2, rationale: r}"), "scale of 'n' must not be negative", 7, 29);
  }
  SECTION("a unit of the wrong dimension") {
    expect_error(with_change("{parameter: a, set: 2 mg, rationale: r}"), "set of 'a'", 7, 27);
  }
  SECTION("a set value outside the admissible range") {
    expect_error(with_change("{parameter: a, set: -1, rationale: r}"),
                 "set of 'a' = -1 is outside its admissible range [0, inf] 1/day", 7, 27);
  }
  SECTION("a missing rationale") {
    expect_error(with_change("{parameter: n, scale: 0.5}"), "missing required key 'rationale'", 7, 7);
  }
  SECTION("a parameter changed twice") {
    expect_error(with_change(ok) + "    - " + ok + "\n", "parameter 'n' is changed twice for model 'kuznetsov1994'", 8,
                 19);
  }
  SECTION("both phenotype and host_factor") {
    expect_error("phenotype: a\nhost_factor: b\n", "either a 'phenotype' or a 'host_factor', not both", 2, 1);
  }
  SECTION("neither phenotype nor host_factor") {
    expect_error("group: tumour\n", "missing required key 'phenotype' (or 'host_factor')", 1, 1);
  }
  SECTION("an unknown group") {
    expect_error("phenotype: t\ngroup: tumor\n", "unknown group 'tumor' (did you mean 'tumour'?)", 2, 8);
  }
  SECTION("a host factor outside the host group") {
    expect_error("host_factor: t\ngroup: tumour\n", "a host_factor belongs to group 'host'", 2, 8);
  }
  SECTION("a prevalence outside [0, 1]") {
    expect_error(with_change(ok, "prevalence: {value: 1.4, source: s}\n"), "prevalence value must lie in [0, 1]", 5, 21);
  }
  SECTION("no model under changes") {
    expect_error("phenotype: t\ngroup: tumour\ndescription: d\nsource: s\nchanges: {}\n",
                 "changes must name at least one model", 5, 10);
  }
}

TEST_CASE("an overlay file must be named like its phenotype", "[overlay][io][bad-input]") {
  const auto registry = icbsim::models::builtin_registry();
  const std::filesystem::path file = std::filesystem::path(ICBSIM_BINARY_DIR) / "misnamed_overlay.yaml";
  {
    std::ofstream out(file);
    out << with_change("{parameter: n, scale: 0.5, rationale: r}");
  }
  CHECK_THROWS_WITH(icbsim::load_overlay_file(file.string(), registry),
                    Catch::Contains(":1:12: phenotype 'test' must be named like its file, 'misnamed_overlay'"));
  std::filesystem::remove(file);
}

TEST_CASE("every catalogued bad overlay file is rejected with its located message", "[overlay][io][bad-input]") {
  const auto registry = icbsim::models::builtin_registry();
  const std::filesystem::path folder = std::filesystem::path(ICBSIM_SOURCE_DIR) / "tests/data/bad_overlays";
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".yaml") continue;
    ++count;
    std::string fragment;
    std::string location;
    {
      std::ifstream in(entry.path());
      std::string line;
      while (std::getline(in, line) && line.rfind("# ", 0) == 0) {
        if (line.rfind("# expect: ", 0) == 0) fragment = line.substr(10);
        if (line.rfind("# location: ", 0) == 0) location = line.substr(12);
      }
    }
    const std::string path = entry.path().string();
    INFO(path);
    REQUIRE_FALSE(fragment.empty());
    REQUIRE_FALSE(location.empty());
    try {
      (void)icbsim::load_overlay_file(path, registry);
      FAIL("accepted a bad overlay file");
    } catch (const icbsim::ScenarioError& e) {
      const std::string message = e.what();
      INFO(message);
      CHECK(message.find(fragment) != std::string::npos);
      CHECK(message.rfind(path + ":" + location + ": ", 0) == 0);
      CHECK(message.back() == '^');  // the line, then the caret
    }
  }
  CHECK(count >= 3);
}
