#include "nlp/parser.h"

#include "nlp/parser_model.h"

namespace thaw {

Parser::Parser(std::unique_ptr<parse_internal::ParserModel> model) : model_(std::move(model)) {}
Parser::~Parser() = default;

Result<std::unique_ptr<Parser>> Parser::Load(const std::string& path) {
  Result<parse_internal::ParserModelData> data = parse_internal::ReadParserModel(path);
  if (!data.ok()) return data.status();
  Result<std::unique_ptr<parse_internal::ParserModel>> model =
      parse_internal::ParserModel::Build(*data, path);
  if (!model.ok()) return model.status();
  return std::unique_ptr<Parser>(new Parser(std::move(model).value()));
}

void Parser::Parse(Sentence* s) const { model_->Parse(s); }

size_t Parser::memory() const { return model_->memory(); }

}  // namespace thaw
