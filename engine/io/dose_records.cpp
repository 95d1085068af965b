// Writing the dose table.
#include "engine/io/dose_records.hpp"

#include <string>

namespace icbsim {

DoseRecords::DoseRecords(hid_t group, const Scenario& scenario, const Plan& plan) : plan_(&plan) {
  std::size_t rows = 0;
  for (const TaskInput& t : plan.tasks) {
    offsets_.push_back(rows);
    rows += t.doses.size();
  }
  drug_of_state_.assign(scenario.model->variables.size(), -1);
  std::vector<std::pair<std::string_view, int>> members;
  for (std::size_t i = 0; i < scenario.treatment->items.size(); ++i) {
    const TreatmentItem& item = scenario.treatment->items[i];
    drug_of_state_[item.target_state] = static_cast<int>(i);
    members.emplace_back(item.drug.name, static_cast<int>(i));
  }
  drug_type_ = h5::create_enum_type(members);
  bool_type_ = h5::create_bool_type();
  const hsize_t dims[1] = {rows};
  struct Field {
    const char* name;
    hid_t type;
    const char* unit;
    const char* description;
  };
  const Field fields[] = {
      {"task", H5T_STD_I64LE, "1", "task (row of /trajectories) the dose belongs to"},
      {"time", H5T_IEEE_F64LE, "day", "start of the dose"},
      {"drug", drug_type_.get(), "1", "drug of the catalogue"},
      {"amount_mg", H5T_IEEE_F64LE, "mg", "amount of drug in the dose"},
      {"duration", H5T_IEEE_F64LE, "day", "infusion duration (0 for a bolus)"},
      {"given", bool_type_.get(), "1", "whether the dose was given (false: cancelled by the stopping rule)"},
  };
  for (const Field& f : fields) {
    h5::Id ds = h5::create_dataset(group, f.name, f.type, dims);
    h5::set_attribute(ds.get(), "units", std::string(f.unit));
    h5::set_attribute(ds.get(), "description", std::string(f.description));
    datasets_.push_back(std::move(ds));
  }
}

void DoseRecords::write(std::size_t task, std::size_t given) {
  const std::vector<DoseEvent>& doses = plan_->tasks[task].doses;
  const std::size_t n = doses.size();
  if (n == 0) return;
  std::vector<long long> ids(n, static_cast<long long>(task));
  std::vector<double> time(n), amount(n), duration(n);
  std::vector<signed char> drug(n), was_given(n);
  for (std::size_t i = 0; i < n; ++i) {
    time[i] = doses[i].time;
    amount[i] = doses[i].amount;
    duration[i] = doses[i].duration;
    drug[i] = static_cast<signed char>(drug_of_state_[doses[i].target]);
    was_given[i] = i < given ? 1 : 0;
  }
  const std::size_t row = offsets_[task];
  h5::write_block(datasets_[0].get(), H5T_NATIVE_LLONG, row, ids.data(), n);
  h5::write_block(datasets_[1].get(), H5T_NATIVE_DOUBLE, row, time.data(), n);
  h5::write_block(datasets_[2].get(), drug_type_.get(), row, drug.data(), n);
  h5::write_block(datasets_[3].get(), H5T_NATIVE_DOUBLE, row, amount.data(), n);
  h5::write_block(datasets_[4].get(), H5T_NATIVE_DOUBLE, row, duration.data(), n);
  h5::write_block(datasets_[5].get(), bool_type_.get(), row, was_given.data(), n);
}

void DoseRecords::close() noexcept {
  datasets_.clear();
  drug_type_.reset();
  bool_type_.reset();
}

}  // namespace icbsim
