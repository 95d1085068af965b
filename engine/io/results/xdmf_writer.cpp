// XDMF text: one temporal collection per task, spatial collections of fields + agents per time.
#include "engine/io/results/xdmf_writer.hpp"

#include <fstream>
#include <map>
#include <sstream>

#include "engine/core/errors.hpp"

namespace icbsim {
namespace {

std::string number(double v) {
  std::ostringstream out;
  out.precision(17);
  out << v;
  return out.str();
}

void data_item(std::ostream& out, const std::string& dims, const char* type, int precision, const std::string& h5,
               const std::string& path) {
  out << "          <DataItem Dimensions=\"" << dims << "\" NumberType=\"" << type << "\" Precision=\"" << precision
      << "\" Format=\"HDF\">" << h5 << ":" << path << "</DataItem>\n";
}

void fields_grid(std::ostream& out, const XdmfSnapshot& s, const std::string& h5) {
  const auto& v = s.voxels;
  const std::string cells = std::to_string(v[2]) + " " + std::to_string(v[1]) + " " + std::to_string(v[0]);
  const double d = s.voxel_um;
  out << "      <Grid Name=\"fields\" GridType=\"Uniform\">\n"
      << "        <Topology TopologyType=\"3DCoRectMesh\" Dimensions=\"" << v[2] + 1 << " " << v[1] + 1 << " "
      << v[0] + 1 << "\"/>\n"
      << "        <Geometry GeometryType=\"ORIGIN_DXDYDZ\">\n"
      << "          <DataItem Dimensions=\"3\" NumberType=\"Float\" Precision=\"8\" Format=\"XML\">0 0 0</DataItem>\n"
      << "          <DataItem Dimensions=\"3\" NumberType=\"Float\" Precision=\"8\" Format=\"XML\">" << number(d) << " "
      << number(d) << " " << number(d) << "</DataItem>\n"
      << "        </Geometry>\n";
  for (const std::string& f : s.fields) {
    out << "        <Attribute Name=\"" << f << "\" AttributeType=\"Scalar\" Center=\"Cell\">\n";
    data_item(out, cells, "Float", 8, h5, s.group + "/fields/" + f);
    out << "        </Attribute>\n";
  }
  out << "      </Grid>\n";
}

void agents_grid(std::ostream& out, const XdmfSnapshot& s, const std::string& h5) {
  const std::string n = std::to_string(s.agents);
  out << "      <Grid Name=\"agents\" GridType=\"Uniform\">\n"
      << "        <Topology TopologyType=\"Polyvertex\" NodesPerElement=\"1\" NumberOfElements=\"" << n << "\"/>\n"
      << "        <Geometry GeometryType=\"XYZ\">\n";
  data_item(out, n + " 3", "Float", 8, h5, s.group + "/agents/position");
  out << "        </Geometry>\n";
  auto attribute = [&](const std::string& name, const char* type, int precision) {
    out << "        <Attribute Name=\"" << name << "\" AttributeType=\"Scalar\" Center=\"Node\">\n";
    data_item(out, n, type, precision, h5, s.group + "/agents/" + name);
    out << "        </Attribute>\n";
  };
  attribute("type", "UChar", 1);
  for (const std::string& c : s.agent_reals) attribute(c, "Float", 8);
  for (const std::string& c : s.agent_ints) attribute(c, "Int", 4);
  out << "      </Grid>\n";
}

}  // namespace

std::string xdmf_path(const std::string& h5_path) {
  const std::string suffix = ".h5";
  if (h5_path.size() > suffix.size() && h5_path.compare(h5_path.size() - suffix.size(), suffix.size(), suffix) == 0)
    return h5_path.substr(0, h5_path.size() - suffix.size()) + ".xmf";
  return h5_path + ".xmf";
}

void write_xdmf(const std::string& xmf_path, const std::string& h5_name, const std::vector<XdmfSnapshot>& snapshots) {
  std::map<std::size_t, std::vector<const XdmfSnapshot*>> by_task;  // ordered by task, then time
  for (const XdmfSnapshot& s : snapshots) by_task[s.task].push_back(&s);
  std::ostringstream out;
  out << "<?xml version=\"1.0\" ?>\n<!DOCTYPE Xdmf SYSTEM \"Xdmf.dtd\" []>\n<Xdmf Version=\"3.0\">\n  <Domain>\n";
  for (const auto& [task, list] : by_task) {
    out << "  <Grid Name=\"task" << task << "\" GridType=\"Collection\" CollectionType=\"Temporal\">\n";
    for (const XdmfSnapshot* s : list) {
      out << "    <Grid Name=\"task" << task << "_t" << number(s->time)
          << "\" GridType=\"Collection\" CollectionType=\"Spatial\">\n"
          << "      <Time Value=\"" << number(s->time) << "\"/>\n";
      fields_grid(out, *s, h5_name);
      if (s->agents > 0) agents_grid(out, *s, h5_name);
      out << "    </Grid>\n";
    }
    out << "  </Grid>\n";
  }
  out << "  </Domain>\n</Xdmf>\n";
  std::ofstream file(xmf_path, std::ios::binary | std::ios::trunc);
  file << out.str();
  if (!file) throw IoError("cannot write the XDMF file '" + xmf_path + "'");
}

}  // namespace icbsim
