#include "base/file.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace thaw {

Result<std::string> ReadFile(const std::string& path) {
  std::string data;
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    data = ss.str();
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      return Status::InvalidArgument(path + ": is a directory, expected a file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
    // One read of the whole file: byte-wise istreambuf_iterator copying cost ~10 ms per
    // model load.
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec) {
      data.resize(static_cast<size_t>(size));
      in.read(data.data(), static_cast<std::streamsize>(size));
      data.resize(static_cast<size_t>(in.gcount()));
    } else {
      data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (in.bad()) return Status::IoError(path + ": read failed");
  }
  if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
      static_cast<unsigned char>(data[1]) == 0x8b) {
    return Status::Unsupported(path + ": this looks like gzip; decompress it first (gunzip)");
  }
  return data;
}

std::string FindShippedDir(const char* env_var, const std::string& rel_dir, const std::string& probe_file,
                           const std::string& fallback) {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv(env_var); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      if (fs::exists(dir / rel_dir / probe_file, ec)) return (dir / rel_dir).string();
    }
  }
  return fallback;
}

}  // namespace thaw
