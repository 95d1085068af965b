// The checked read-only driver: every call is forwarded to HDF5's sec2 driver; reads of global heap
// collections (HDF5 passes them as raw data) are refused when HDF5 could not decode them safely.
#include "engine/io/h5/checked_driver.hpp"

#include <H5FDsec2.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace icbsim::h5 {

bool global_heap_decodable(const unsigned char* bytes, std::size_t size, std::size_t length_size) {
  // Layout (HDF5 file format, "Global Heap"): "GCOL", version, 3 reserved bytes, the collection
  // size; then objects of index (2 bytes), reference count (2), 4 reserved bytes, object size, data
  // padded to 8 bytes. Object 0 is the free space: its size already includes its header.
  auto little_endian = [&](std::size_t at, std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v |= static_cast<std::uint64_t>(bytes[at + i]) << (8 * i);
    return v;
  };
  if (length_size == 0 || length_size > 8) length_size = 8;
  const std::size_t header = 8 + length_size;
  if (size < header || std::memcmp(bytes, "GCOL", 4) != 0) return true;
  const std::uint64_t collection = little_endian(8, length_size);
  std::uint64_t at = header;
  while (at < collection) {
    if (at + header > collection) return true;  // a tail too small for an object: free space
    if (at + header > size) return true;        // beyond what was read: checked when read whole
    const auto index = little_endian(at, 2);
    const std::uint64_t object = little_endian(at + 8, length_size);
    const std::uint64_t need = index > 0 ? header + (object + 7) / 8 * 8 : object;
    if (need == 0) return false;
    if (need > collection - at) return false;  // HDF5 would copy the object from past the end
    at += need;
  }
  return true;
}

namespace {

/// The driver's file: HDF5's public part first (HDF5 fills it), then the sec2 file it forwards to.
struct CheckedFile {
  H5FD_t pub;
  H5FD_t* inner;
  std::size_t length_size;
};
CheckedFile* of(H5FD_t* f) { return reinterpret_cast<CheckedFile*>(f); }
H5FD_t* inner(const H5FD_t* f) { return reinterpret_cast<const CheckedFile*>(f)->inner; }

H5FD_t* open(const char* name, unsigned flags, hid_t, haddr_t maxaddr) {
  if ((flags & H5F_ACC_RDWR) != 0) return nullptr;  // reading only
  const hid_t sec2 = H5Pcreate(H5P_FILE_ACCESS);
  if (sec2 < 0) return nullptr;
  H5FD_t* file = H5Pset_fapl_sec2(sec2) < 0 ? nullptr : H5FDopen(name, flags, sec2, maxaddr);
  H5Pclose(sec2);
  if (file == nullptr) return nullptr;
  auto* checked = static_cast<CheckedFile*>(std::calloc(1, sizeof(CheckedFile)));
  if (checked == nullptr) {
    H5FDclose(file);
    return nullptr;
  }
  checked->inner = file;
  checked->length_size = 8;
  return &checked->pub;
}

herr_t close(H5FD_t* f) {
  const herr_t closed = H5FDclose(of(f)->inner);
  std::free(of(f));
  return closed;
}

int compare(const H5FD_t* a, const H5FD_t* b) { return H5FDcmp(inner(a), inner(b)); }

// No features: without metadata accumulation every read reaches read() below on its own.
herr_t query(const H5FD_t*, unsigned long* flags) {
  *flags = 0;
  return 0;
}

haddr_t get_eoa(const H5FD_t* f, H5FD_mem_t type) { return H5FDget_eoa(inner(f), type); }
herr_t set_eoa(H5FD_t* f, H5FD_mem_t type, haddr_t addr) { return H5FDset_eoa(inner(f), type, addr); }
haddr_t get_eof(const H5FD_t* f, H5FD_mem_t type) { return H5FDget_eof(inner(f), type); }
herr_t get_handle(H5FD_t* f, hid_t fapl, void** handle) { return H5FDget_vfd_handle(inner(f), fapl, handle); }

herr_t read(H5FD_t* f, H5FD_mem_t type, hid_t dxpl, haddr_t addr, std::size_t size, void* buffer) {
  if (H5FDread(inner(f), type, dxpl, addr, size, buffer) < 0) return -1;
  const auto* bytes = static_cast<const unsigned char*>(buffer);
  // The superblock names the size of lengths: byte 14 in versions 0 and 1, byte 10 in 2 and 3.
  if (type == H5FD_MEM_SUPER && size >= 16 && std::memcmp(bytes, "\x89HDF\r\n\x1a\n", 8) == 0)
    of(f)->length_size = bytes[8] < 2 ? bytes[14] : bytes[10];
  if ((type == H5FD_MEM_DRAW || type == H5FD_MEM_GHEAP) && !global_heap_decodable(bytes, size, of(f)->length_size))
    return -1;
  return 0;
}

herr_t write(H5FD_t*, H5FD_mem_t, hid_t, haddr_t, std::size_t, const void*) { return -1; }
herr_t truncate(H5FD_t*, hid_t, hbool_t) { return 0; }  // read only: the file never changes
herr_t lock(H5FD_t* f, hbool_t rw) { return H5FDlock(inner(f), rw); }
herr_t unlock(H5FD_t* f) { return H5FDunlock(inner(f)); }

H5FD_class_t checked_class() {
  H5FD_class_t c{};
  c.name = "icbsim_checked_sec2";
  c.maxaddr = static_cast<haddr_t>(INT64_MAX) - 1;
  c.fc_degree = H5F_CLOSE_WEAK;
  c.open = open;
  c.close = close;
  c.cmp = compare;
  c.query = query;
  c.get_eoa = get_eoa;
  c.set_eoa = set_eoa;
  c.get_eof = get_eof;
  c.get_handle = get_handle;
  c.read = read;
  c.write = write;
  c.truncate = truncate;
  c.lock = lock;
  c.unlock = unlock;
  for (auto& m : c.fl_map) m = H5FD_MEM_DEFAULT;
  return c;
}

}  // namespace

hid_t checked_read_access() {
  // Registered once per process (HDF5 keeps the class by identifier).
  static const H5FD_class_t kClass = checked_class();
  static const hid_t kDriver = H5FDregister(&kClass);
  const hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
  if (fapl >= 0 && (kDriver < 0 || H5Pset_driver(fapl, kDriver, nullptr) < 0)) {
    H5Pclose(fapl);
    return -1;
  }
  return fapl;
}

}  // namespace icbsim::h5
