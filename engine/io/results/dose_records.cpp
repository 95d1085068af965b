// Writing the dose table.
#include "engine/io/results/dose_records.hpp"

#include <algorithm>
#include <limits>
#include <string>

namespace icbsim {

DoseRecords::DoseRecords(hid_t group, const Scenario& /*scenario*/, const Plan& plan,
                         const h5::DatasetFilters& filters) {
  std::size_t rows = 0;
  offsets_.reserve(plan.size() + 1);
  for (std::size_t t = 0; t < plan.size(); ++t) {
    offsets_.push_back(rows);
    rows += plan.planned_doses(plan.global_id(t));
  }
  offsets_.push_back(rows);
  // Drug names over every arm's treatment and every drug a sweep may give instead; a state
  // receives one drug per arm and point.
  std::vector<std::string> names;
  auto add_name = [&](const std::string& name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  };
  for (std::size_t a = 0; a < plan.arm_names().size(); ++a)
    if (const Treatment* t = plan.treatment(a))
      for (const TreatmentItem& item : t->items) add_name(item.drug.name);
  if (plan.scenario().sweep)
    for (const sweep::Axis& axis : plan.scenario().sweep->axes)
      for (const TreatmentItem& item : axis.alternatives) add_name(item.drug.name);
  std::vector<std::pair<std::string_view, int>> members;
  for (std::size_t i = 0; i < names.size(); ++i) members.emplace_back(names[i], static_cast<int>(i));
  drug_names_ = names;
  drug_type_ = h5::create_enum_type(members);
  bool_type_ = h5::create_bool_type();
  const hsize_t dims[1] = {rows};
  struct Field {
    const char* name;
    hid_t file_type;
    hid_t mem_type;
    std::size_t size;
    const char* unit;
    const char* description;
  };
  const Field fields[] = {
      {"task", H5T_STD_I64LE, H5T_NATIVE_LLONG, sizeof(long long), "1", "global id of the task the dose belongs to (/tasks/id)"},
      {"time", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, sizeof(double), "day", "start of the dose"},
      {"drug", drug_type_.get(), drug_type_.get(), 1, "1", "drug of the catalogue"},
      {"amount_mg", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, sizeof(double), "mg", "amount of drug in the dose"},
      {"duration", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, sizeof(double), "day", "infusion duration (0 for a bolus)"},
      {"given", bool_type_.get(), bool_type_.get(), 1, "1", "whether the dose was given (false: cancelled by the stopping rule)"},
  };
  for (const Field& f : fields) {
    h5::Id ds = h5::create_dataset(group, f.name, f.file_type, dims, filters);
    h5::set_attribute(ds.get(), "units", std::string(f.unit));
    h5::set_attribute(ds.get(), "description", std::string(f.description));
    columns_.emplace_back(std::move(ds), f.mem_type, f.size, rows, 1);
  }
  plan_ = &plan;
}

void DoseRecords::write(std::size_t task, std::size_t arm, std::span<const DoseEvent> doses, std::size_t given) {
  const std::size_t n = offsets_[task + 1] - offsets_[task];
  const long long id = static_cast<long long>(plan_->global_id(task));  // the global id, as /tasks/id
  const std::optional<Treatment> treatment = plan_->treatment_at(arm, plan_->point_of(task));
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t row = offsets_[task] + i;
    const bool known = i < doses.size();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double time = known ? doses[i].time : nan;
    const double amount = known ? doses[i].amount : nan;
    const double duration = known ? doses[i].duration : nan;
    signed char drug = 0;
    if (known && treatment)
      for (const TreatmentItem& item : treatment->items)
        if (item.target_state == doses[i].target)
          drug = static_cast<signed char>(std::find(drug_names_.begin(), drug_names_.end(), item.drug.name) -
                                          drug_names_.begin());
    const signed char was_given = known && i < given ? 1 : 0;
    columns_[0].put(row, &id);
    columns_[1].put(row, &time);
    columns_[2].put(row, &drug);
    columns_[3].put(row, &amount);
    columns_[4].put(row, &duration);
    columns_[5].put(row, &was_given);
  }
}

void DoseRecords::check_complete() const {
  for (const auto& c : columns_) c.check_complete();
}

void DoseRecords::close() noexcept {
  columns_.clear();
  drug_type_.reset();
  bool_type_.reset();
}

}  // namespace icbsim
