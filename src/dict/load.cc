// File-reading wrappers around the dictionary parsers, and directory loading.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file.h"
#include "base/strings.h"
#include "dict/dictionaries.h"

namespace thaw {
namespace {

enum class FileKind { kIgnored, kVerbs, kActors, kAgents, kDiscards };

// Classifies by file name as documented in dictionaries.h.
FileKind Classify(const std::string& filename) {
  const std::string lower = ToLowerAscii(filename);
  if (!EndsWith(lower, ".txt")) return FileKind::kIgnored;
  if (lower.find("verbs") != std::string::npos || StartsWith(lower, "cameo"))
    return FileKind::kVerbs;
  if (lower.find("actors") != std::string::npos) return FileKind::kActors;
  if (lower.find("agents") != std::string::npos) return FileKind::kAgents;
  if (lower.find("discards") != std::string::npos) return FileKind::kDiscards;
  return FileKind::kIgnored;
}

}  // namespace

Result<VerbDictionary> LoadVerbDictionary(const std::string& path, const LoadOptions& options,
                                          Diagnostics* diags) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseVerbDictionary(*text, path, options, diags);
}

Status LoadActorDictionary(const std::string& path, const LoadOptions& options, Diagnostics* diags,
                           ActorDictionary* out) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseActorDictionary(*text, path, options, diags, out);
}

Status LoadAgentDictionary(const std::string& path, const LoadOptions& options, Diagnostics* diags,
                           AgentDictionary* out) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseAgentDictionary(*text, path, options, diags, out);
}

Status LoadDiscardDictionary(const std::string& path, const LoadOptions& options,
                             Diagnostics* diags, DiscardDictionary* out) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseDiscardDictionary(*text, path, options, diags, out);
}

Result<DictionarySet> LoadDictionaryDir(const std::string& dir, const LoadOptions& options,
                                        Diagnostics* diags) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::NotFound(dir + ": not a directory (expected a folder of PETRARCH dictionaries)");
  }
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) return Status::IoError(dir + ": cannot list directory: " + ec.message());
  std::sort(files.begin(), files.end());

  std::vector<std::string> verb_files;
  for (const fs::path& p : files) {
    if (Classify(p.filename().string()) == FileKind::kVerbs) verb_files.push_back(p.string());
  }
  if (verb_files.empty()) {
    return Status::NotFound(dir +
                            ": no verb dictionary (expected a *verbs*.txt or CAMEO*.txt file)");
  }
  if (verb_files.size() > 1) {
    return Status::InvalidArgument(dir + ": more than one verb dictionary (" + verb_files[0] +
                                   ", " + verb_files[1] + "); keep one, or load them separately");
  }

  DictionarySet set;
  Result<VerbDictionary> verbs = LoadVerbDictionary(verb_files[0], options, diags);
  if (!verbs.ok()) return verbs.status();
  set.verbs = std::move(verbs).value();
  for (const fs::path& p : files) {
    const std::string path = p.string();
    Status status;
    switch (Classify(p.filename().string())) {
      case FileKind::kActors:
        status = LoadActorDictionary(path, options, diags, &set.actors);
        break;
      case FileKind::kAgents:
        status = LoadAgentDictionary(path, options, diags, &set.agents);
        break;
      case FileKind::kDiscards:
        status = LoadDiscardDictionary(path, options, diags, &set.discards);
        break;
      case FileKind::kVerbs:
      case FileKind::kIgnored:
        break;
    }
    if (!status.ok()) return status;
  }
  return set;
}

}  // namespace thaw
