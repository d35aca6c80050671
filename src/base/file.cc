#include "base/file.h"

#include <cerrno>
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

}  // namespace thaw
