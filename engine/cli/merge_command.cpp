// `icbsim merge OUT.h5 SHARD.h5...`: joins the shard files of one scenario into one result file.
#include <iostream>

#include "engine/cli/commands.hpp"
#include "engine/io/h5/output_target.hpp"
#include "engine/io/results/result_merger.hpp"

namespace icbsim::cli {

int merge_command(const std::string& output, const std::vector<std::string>& shards, bool overwrite,
                  const ModelRegistry& registry) {
  check_replaceable(output, OutputPermission{true, overwrite});
  const MergeSummary s = merge_results(output, shards, registry);
  std::cout << "merged " << s.shards << " shard(s), " << s.tasks << " tasks (" << s.failed << " failed) into "
            << output << "\n";
  return s.failed > 0 ? kTasksFailed : kOk;
}

}  // namespace icbsim::cli
