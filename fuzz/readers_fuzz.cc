// Fuzz target: any bytes through the document readers. The first byte picks the format
// (auto-detected as for a file, or each reader forced); the rest is the input.
#include <memory>
#include <string>
#include <utility>

#include "base/diagnostics.h"
#include "fuzz/fuzz.h"
#include "text/byte_source.h"
#include "text/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using thaw::InputFormat;
  if (size == 0) return 0;
  static constexpr InputFormat kFormats[] = {
      InputFormat::kAuto, InputFormat::kPetrarchXml, InputFormat::kConllu, InputFormat::kJsonl,
      InputFormat::kText, InputFormat::kHtml,        InputFormat::kFeed};
  thaw::ReadOptions options;
  options.format = kFormats[data[0] % std::size(kFormats)];
  const std::string_view input = thaw::fuzz::AsText(data + 1, size - 1);
  thaw::SniffFormat(input);
  thaw::RootElement(input);
  thaw::Diagnostics diags;
  auto reader = thaw::NewReaderFor(thaw::ByteSource::FromString(std::string(input), "fuzz.txt"),
                                   options, &diags);
  thaw::Document doc;
  for (int i = 0; i < 10000; ++i) {
    doc = thaw::Document();
    thaw::Result<bool> more = reader->Next(&doc);
    if (!more.ok() || !*more) break;
  }
  return 0;
}
