// The drug catalogue: lookup with did-you-mean, the shipped configs/drugs files, and the loader's
// located errors for bad entries (engine/io/drug_catalogue_loader).
#include <catch2/catch.hpp>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/io/config/drug_catalogue_loader.hpp"

namespace pk = icbsim::pk;

namespace {

const std::string kDrugFolder = std::string(ICBSIM_SOURCE_DIR) + "/configs/drugs";

/// A minimal valid anti-PD-1 entry; `extra` is appended at the top level.
std::string minimal(const std::string& extra = "", const std::string& pk_typical = "{cl0: 0.2 L/day, vc: 3 L}") {
  return "drug: testumab\n"
         "class: anti-PD-1\n"
         "references: [\"test\"]\n"
         "molecular_weight: {value: 146 kDa, source: label}\n"
         "target: PD-1\n"
         "kd: {value: 1 nM, source: assumed}\n"
         "tumour_partition: {value: 0.1, source: assumed}\n"
         "pk:\n"
         "  model: test 2024\n"
         "  source: test table\n"
         "  typical: " +
         pk_typical +
         "\n"
         "regimens:\n"
         "  - {name: q3w, source: label, phases: [{dose: 200 mg, every: 3 weeks, infusion: 30 min}]}\n" +
         extra;
}

pk::Drug read(const std::string& yaml) { return icbsim::read_drug(icbsim::parse_yaml_text(yaml, "testumab.yaml"), ""); }

}  // namespace

TEST_CASE("the shipped catalogue loads, with a source for every value", "[pk][catalogue]") {
  const pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(kDrugFolder);
  for (const char* name :
       {"pembrolizumab", "nivolumab", "atezolizumab", "durvalumab", "ipilimumab", "tremelimumab", "docetaxel",
        "carboplatin", "paclitaxel", "pemetrexed", "tecemotide", "sacituzumab_govitecan"}) {
    INFO(name);
    const pk::Drug* d = catalogue.find(name);
    REQUIRE(d != nullptr);
    CHECK_FALSE(d->regimens.empty());
    CHECK_FALSE(d->references.empty());
    CHECK_FALSE(d->provenance.empty());
    for (const auto& p : d->provenance) CHECK_FALSE(p.source.empty());
  }
  CHECK(catalogue.get("docetaxel").exposure_kill.has_value());
  CHECK(catalogue.get("tecemotide").vaccine.has_value());
  const pk::Drug& adc = catalogue.get("sacituzumab_govitecan");
  REQUIRE(adc.adc.has_value());
  CHECK(adc.adc->release_rate == Approx(0.0961 * 24));
  CHECK(adc.regimens.front().phases.front().days == std::vector<double>{0, 7});
  const std::string cl0_source(catalogue.get("pembrolizumab").source_of("pk.typical.cl0"));
  CHECK_THAT(cl0_source, Catch::Matchers::StartsWith("Ahamadi 2017 Table 3 (final estimates; covariate equations in "
                                                     "footnotes a/b)"));
  CHECK_THAT(cl0_source, Catch::Matchers::EndsWith("ECOG sign negative as in the Table and Discussion"));
  // Units converted on reading: nivolumab CL 9.4 mL/h = 0.2256 L/day, T50 1410 h = 58.75 day.
  const pk::Drug& nivo = catalogue.get("nivolumab");
  CHECK(nivo.pk.typical.cl0 == Approx(0.2256));
  CHECK(nivo.pk.typical.t50 == Approx(58.75));
  CHECK(nivo.pk_model("Zhang 2019").typical.cl0 == Approx(0.2592));
}

TEST_CASE("multi-phase regimens expand in time order", "[pk][catalogue]") {
  const pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(kDrugFolder);
  // START: 806 ug weekly at weeks 0-7, then every 6 weeks from week 13
  const auto vaccine = pk::expand_regimen(catalogue.get("tecemotide").standard_regimen(), {}, 0, 200.0);
  std::vector<double> times;
  for (const auto& e : vaccine) times.push_back(e.time);
  CHECK(times == std::vector<double>{0, 7, 14, 21, 28, 35, 42, 49, 91, 133, 175});
  CHECK(vaccine.front().amount == Approx(0.806));
  CHECK(vaccine.front().duration == 0.0);
  // POSEIDON: tremelimumab q3w x 4, then week 16
  const auto poseidon = pk::expand_regimen(catalogue.get("tremelimumab").regimen("poseidon"), {}, 0, 365.0);
  times.clear();
  for (const auto& e : poseidon) times.push_back(e.time);
  CHECK(times == std::vector<double>{0, 21, 42, 63, 112});
}

TEST_CASE("catalogue lookup errors name the known drugs and the closest", "[pk][catalogue]") {
  const pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(kDrugFolder);
  CHECK_THROWS_WITH(catalogue.get("pembrolizumb"), Catch::Contains("unknown drug 'pembrolizumb'") &&
                                                       Catch::Contains("did you mean 'pembrolizumab'") &&
                                                       Catch::Contains("known drugs: atezolizumab, carboplatin"));
  CHECK_THROWS_WITH(catalogue.get("nivolumab").regimen("240mg_q3w"), Catch::Contains("did you mean '240mg_q2w'"));
  CHECK_THROWS_WITH(catalogue.get("nivolumab").pk_model("Zhang 2018"), Catch::Contains("did you mean 'Zhang 2019'"));
  pk::DrugCatalogue twice;
  twice.add(read(minimal()));
  CHECK_THROWS_WITH(twice.add(read(minimal())), Catch::Contains("defined twice"));
  CHECK_THROWS_AS(icbsim::load_drug_catalogue("/nonexistent/drugs"), icbsim::IoError);
}

TEST_CASE("loader: a minimal entry", "[pk][catalogue]") {
  const pk::Drug d = read(minimal());
  CHECK(d.name == "testumab");
  CHECK(d.drug_class == pk::DrugClass::kAntiPd1);
  CHECK(d.molecular_weight == Approx(146000));
  CHECK(d.occupancy().kd == 1.0);
  CHECK(d.source_of("pk.typical.vc") == "test table");
  CHECK(d.standard_regimen().phases.front().interval == 21);
}

TEST_CASE("loader: located errors for bad entries", "[pk][catalogue]") {
  SECTION("unknown key with a suggestion, at its line") {
    CHECK_THROWS_WITH(read(minimal("regimen_notes: x\n")),
                      Catch::Contains("testumab.yaml:14:1") && Catch::Contains("unknown key 'regimen_notes'"));
    CHECK_THROWS_WITH(read(minimal("", "{cl0: 0.2 L/day, vc: 3 L, vmx: 1 mg/day}")),
                      Catch::Contains("did you mean 'vmax'"));
  }
  SECTION("a value without a source") {
    std::string yaml = minimal();
    yaml.replace(yaml.find("{value: 1 nM, source: assumed}"), 30, "1 nM");
    CHECK_THROWS_WITH(read(yaml), Catch::Contains("testumab.yaml:6:") && Catch::Contains("'kd' needs a source"));
  }
  SECTION("a wrong unit") {
    CHECK_THROWS_WITH(read(minimal("", "{cl0: 0.2 L, vc: 3 L}")),
                      Catch::Contains("testumab.yaml:11:") && Catch::Contains("'pk.typical.cl0'"));
  }
  SECTION("an unknown class") {
    std::string yaml = minimal();
    yaml.replace(yaml.find("anti-PD-1"), 9, "anti-PD1");
    CHECK_THROWS_WITH(read(yaml),
                      Catch::Contains("unknown drug class 'anti-PD1'") && Catch::Contains("did you mean 'anti-PD-1'"));
  }
  SECTION("a class section on the wrong class") {
    CHECK_THROWS_WITH(read(minimal("vaccine: {boost_max: 1}\n")),
                      Catch::Contains("'vaccine:' does not apply to a drug of class 'anti-PD-1'"));
  }
  SECTION("a covariate effect with the wrong kind of covariate") {
    CHECK_THROWS_WITH(read(minimal("",
                                   "{cl0: 0.2 L/day, vc: 3 L}\n  covariates:\n"
                                   "    - {parameter: cl0, covariate: weight, form: exp_indicator, theta: 1}")),
                      Catch::Contains("needs a 0/1 indicator"));
  }
  SECTION("an infusion longer than the interval") {
    std::string yaml = minimal();
    yaml.replace(yaml.find("30 min"), 6, "4 weeks");
    CHECK_THROWS_WITH(read(yaml), Catch::Contains("testumab.yaml:13:") && Catch::Contains("longer than the interval"));
  }
  SECTION("a file whose name differs from its drug") {
    CHECK_THROWS_WITH(icbsim::read_drug(icbsim::parse_yaml_text(minimal(), "other.yaml"), "other"),
                      Catch::Contains("must be defined in a file named 'testumab.yaml'"));
  }
  SECTION("a derived covariate as a regimen flag") {
    std::string yaml = minimal();
    yaml.replace(yaml.find("source: label, phases"), 0, "implies: [female], ");
    CHECK_THROWS_WITH(read(yaml), Catch::Contains("derived from the patient record"));
  }
}

TEST_CASE("each cytotoxic kills half-maximally at its own in-vitro IC50 on the unbound drug",
          "[pk][catalogue][chemotherapy]") {
  // IC50 in mg/L (Hill 1994, Liebmann 1993 with MW 853.9, NCI-60 GI50 with MW 371.25, AACR 2005
  // abstract 1380 with MW 427.4) and the unbound fraction in plasma (labels; the carboplatin PK is
  // already of unbound drug): half the maximal kill at a total concentration IC50 / f_u.
  struct Expected {
    const char* drug;
    double ic50;
    double unbound;
  };
  const pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(kDrugFolder);
  for (const Expected& e :
       {Expected{"docetaxel", 0.000655, 0.06}, Expected{"paclitaxel", 4.33e-6 * 853.9, 0.065},
        Expected{"carboplatin", 100e-3 * 371.25, 1.0}, Expected{"pemetrexed", 10e-3 * 427.4, 0.19}}) {
    INFO(e.drug);
    const auto& kill = catalogue.get(e.drug).exposure_kill;
    REQUIRE(kill.has_value());
    const double total = e.ic50 / e.unbound;
    CHECK(kill->tumour_rate(total) == Approx(kill->tumour_kmax / 2).epsilon(1e-3));
    CHECK(kill->lymphocyte_rate(total) == Approx(kill->lymphocyte_kmax / 2).epsilon(1e-3));
  }
  // The drugs differ: half-maximal total concentrations span more than three orders of magnitude.
  const double docetaxel = catalogue.get("docetaxel").exposure_kill->tumour_sensitivity;
  const double carboplatin = catalogue.get("carboplatin").exposure_kill->tumour_sensitivity;
  CHECK(docetaxel / carboplatin > 1000.0);
}
