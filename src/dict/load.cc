// File-reading wrappers around the dictionary parsers, and directory loading.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file.h"
#include "base/strings.h"
#include "dict/dictionaries.h"

namespace thaw {
DictionaryKind DictionaryKindOf(std::string_view filename) {
  const std::string lower = ToLowerAscii(filename);
  if (!EndsWith(lower, ".txt")) return DictionaryKind::kNone;
  if (lower.find("verbs") != std::string::npos || StartsWith(lower, "cameo"))
    return DictionaryKind::kVerbs;
  if (lower.find("actors") != std::string::npos) return DictionaryKind::kActors;
  if (lower.find("agents") != std::string::npos) return DictionaryKind::kAgents;
  if (lower.find("discards") != std::string::npos) return DictionaryKind::kDiscards;
  return DictionaryKind::kNone;
}

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

Status LoadDictionaryFile(const std::string& path, const LoadOptions& options, Diagnostics* diags,
                          DictionarySet* set) {
  switch (DictionaryKindOf(std::filesystem::path(path).filename().string())) {
    case DictionaryKind::kVerbs: {
      auto v = LoadVerbDictionary(path, options, diags);
      if (!v.ok()) return v.status();
      set->verbs = std::move(v).value();
      return Status::Ok();
    }
    case DictionaryKind::kActors: return LoadActorDictionary(path, options, diags, &set->actors);
    case DictionaryKind::kAgents: return LoadAgentDictionary(path, options, diags, &set->agents);
    case DictionaryKind::kDiscards:
      return LoadDiscardDictionary(path, options, diags, &set->discards);
    case DictionaryKind::kNone: break;
  }
  return Status::InvalidArgument(
      path +
      ": cannot tell the dictionary kind from the name (expected *verbs*.txt, "
      "CAMEO*.txt, *actors*.txt, *agents*.txt or *discards*.txt)");
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
    if (DictionaryKindOf(p.filename().string()) == DictionaryKind::kVerbs)
      verb_files.push_back(p.string());
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
    switch (DictionaryKindOf(p.filename().string())) {
      case DictionaryKind::kActors:
        status = LoadActorDictionary(path, options, diags, &set.actors);
        break;
      case DictionaryKind::kAgents:
        status = LoadAgentDictionary(path, options, diags, &set.agents);
        break;
      case DictionaryKind::kDiscards:
        status = LoadDiscardDictionary(path, options, diags, &set.discards);
        break;
      case DictionaryKind::kVerbs:
      case DictionaryKind::kNone:
        break;
    }
    if (!status.ok()) return status;
  }
  return set;
}

}  // namespace thaw
