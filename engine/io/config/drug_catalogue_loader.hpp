// Reads the drug catalogue (configs/drugs/*.yaml, format in docs/pk.md) into pk::DrugCatalogue.
// Every map's keys are checked, every quantity is converted into engine units, every numeric value
// carries a source, and every error is a ScenarioError citing file:line:column.
#pragma once

#include <string>
#include <string_view>

#include "engine/io/config/config_node.hpp"
#include "engine/pk/drug.hpp"

namespace icbsim {

/// Loads every *.yaml file of `folder` (in file-name order). Throws IoError when the folder cannot
/// be read or holds no drug file, ScenarioError for any bad entry, and a located error for a drug
/// defined twice.
pk::DrugCatalogue load_drug_catalogue(const std::string& folder);

/// Reads one drug file; its `drug:` name must equal the file's stem.
pk::Drug load_drug_file(const std::string& path);

/// Reads one drug from a parsed document; `expected_name` ("" = any) is the name it must carry.
pk::Drug read_drug(const ConfigNode& root, std::string_view expected_name);

/// Keys of a dosing-schedule map (for callers that check keys themselves, e.g. a scenario's
/// `treatment:` entry that adds `drug:`).
inline constexpr std::string_view kScheduleKeys[] = {"dose",     "every", "cycles", "max_duration",
                                                     "infusion", "start", "days"};

/// Reads and validates one dosing schedule: dose ("200 mg", "3 mg/kg", "75 mg/m^2" or a Calvert
/// target "5 mg*min/mL"), every, cycles, max_duration, infusion, start, days (offsets within a
/// cycle). With `check_keys` false, keys other than kScheduleKeys are left to the caller.
pk::DosingSchedule read_dosing_schedule(const ConfigNode& node, const std::string& drug, bool check_keys = true);

}  // namespace icbsim
