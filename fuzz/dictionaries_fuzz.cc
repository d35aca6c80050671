// Fuzz target: any bytes as a PETRARCH-2 dictionary file. The first byte picks the kind
// (verbs, actors, agents, discards) and whether parsing is strict; a verb file that parses is
// also compiled into a coder, as `thaw code --verbs FILE` would.
#include <string>
#include <utility>

#include "base/diagnostics.h"
#include "coder/coder.h"
#include "dict/dictionaries.h"
#include "fuzz/fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text = thaw::fuzz::AsText(data + 1, size - 1);
  thaw::LoadOptions options;
  options.strict = (data[0] & 4) != 0;
  thaw::Diagnostics diags;
  thaw::DictionarySet set;
  switch (data[0] % 4) {
    case 0: {
      thaw::Result<thaw::VerbDictionary> verbs =
          thaw::ParseVerbDictionary(text, "fuzz", options, &diags);
      if (!verbs.ok()) return 0;
      set.verbs = std::move(verbs).value();
      thaw::Coder::Create(set, thaw::CoderOptions(), &diags);
      return 0;
    }
    case 1:
      thaw::ParseActorDictionary(text, "fuzz", options, &diags, &set.actors);
      return 0;
    case 2:
      thaw::ParseAgentDictionary(text, "fuzz", options, &diags, &set.agents);
      return 0;
    default:
      thaw::ParseDiscardDictionary(text, "fuzz", options, &diags, &set.discards);
      return 0;
  }
}
