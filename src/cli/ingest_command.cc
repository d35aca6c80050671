// `thaw ingest`: code documents and store them; `thaw export`: write a store's events.
#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unordered_set>

#include "base/file.h"
#include "cli/news_coding.h"
#include "store/export.h"
#include "store/fingerprint.h"
#include "store/store.h"

namespace thaw {
namespace {

class IngestCommand : public Command {
 public:
  explicit IngestCommand(CLI::App* parent) {
    app = parent->add_subcommand(
        "ingest", "code documents and store them with their events (SQLite or PostgreSQL)");
    app->footer(
        "Reads documents as `thaw code` does, codes them, and stores documents, sentences, actor mentions and "
        "events with their provenance. --db is a SQLite file (created when missing) or a postgresql:// URL. "
        "Documents already in the store (same id, source, URL and text) are skipped before coding, so running "
        "the same command again adds nothing and a killed run resumes where it stopped; each --batch of "
        "documents is stored in one transaction. A document whose text nearly repeats a stored one (the same "
        "wire story from another outlet) is stored as its near-duplicate: its events are not counted twice.\n\n"
        "Example:\n  thaw ingest articles/ news.jsonl --db events.db\n  thaw export --db events.db --format "
        "phoenix-tsv > events.tsv");
    app->add_option("INPUT", inputs_, "input files or directories; '-' or nothing reads stdin (a live feed is handled as it arrives)");
    app->add_option("--db", db_, "the store: a SQLite file path or postgresql://user:pass@host/db")
        ->required();
    AddDictFlags(app, &dict_);
    AddNlpFlags(app, &nlp_);
    AddThreadsFlag(app, &nlp_);
    AddInputFlags(app, &input_);
    app->add_option("--date", date_, "YYYY-MM-DD: the date of documents whose input gives none");
    app->add_option("--batch", batch_size_, "documents per transaction (default 200)")
        ->check(CLI::Range(1, 1000000));
  }
  int Run() override;

 private:
  DictFlags dict_;
  NlpFlags nlp_;
  std::vector<std::string> inputs_;
  InputFlags input_;
  std::string db_, date_;
  size_t batch_size_ = 200;
};

int IngestCommand::Run() {
  const auto t0 = std::chrono::steady_clock::now();
  auto store = Store::Open(db_);
  if (!store.ok()) {
    std::cerr << "thaw: error: " << store.status().message() << "\n";
    return 2;
  }
  Diagnostics diags;
  auto coding = NewsCoding::Create(dict_, nlp_, input_, date_, &diags);  // as `thaw code`
  if (!coding) return 2;
  if (inputs_.empty()) inputs_.push_back("-");
  std::vector<CodedDocument> batch;  // coded, for the next store write
  std::vector<std::string> hashes;   // of the documents admitted and not yet coded
  std::vector<Coder::DocumentEvents> coded;
  // The hashes admitted and not yet stored: a document repeated in the input is coded once.
  std::unordered_set<std::string> pending;
  WriteStats stats;
  size_t docs = 0, skipped = 0;
  Status failed;
  auto flush = [&] {
    if (batch.empty() || !failed.ok()) return;
    failed = (*store)->Write(&batch, &stats);
    for (const CodedDocument& cd : batch) pending.erase(cd.hash);
    batch.clear();
  };
  Progress progress = Progress::OnStderr(dict_.quiet, /*writes_stdout=*/false);
  // Documents already stored are dropped before the expensive part; the others are coded a
  // batch at a time and stored --batch at a time, and whenever the input is caught up (a live
  // feed on stdin with nothing more to read yet, or the end) what was coded is committed.
  const bool read_ok = ForEachBatch(
      inputs_, coding->input(), dict_.strict, dict_.quiet, &diags, coding->batch_size(),
      [&](std::vector<Document>& todo, bool caught_up) {
        if (!failed.ok()) return;
        coding->CodeAll(&todo, &coded);
        for (size_t d = 0; d < todo.size(); ++d) {
          CodedDocument& cd = batch.emplace_back();
          cd.doc = std::move(todo[d]);
          cd.events = std::move(coded[d].events);
          cd.story_discarded = coded[d].story_discarded;
          cd.hash = std::move(hashes[d]);
          if (batch.size() >= batch_size_) flush();
        }
        hashes.erase(hashes.begin(), hashes.begin() + static_cast<ptrdiff_t>(todo.size()));
        if (caught_up) flush();
      },
      [&](const Document& doc) {
        if (!failed.ok()) return Admit::kStop;
        if (progress.Due()) {  // counts so far; "stored" grows a batch at a time
          progress.Report(docs,
                          fmt::format("{} already stored, {} stored, {} events",
                                      skipped + stats.already_stored, stats.stored, stats.events));
        }
        ++docs;
        // The hash reads the text as given, so it is the same whether or not the document was
        // annotated.
        std::string hash = DocumentHash(doc);
        auto stored = (*store)->Contains(hash);
        if (!stored.ok()) {
          failed = stored.status();
          return Admit::kStop;
        }
        if (*stored || pending.count(hash)) {
          ++skipped;
          return Admit::kNo;
        }
        pending.insert(hash);
        hashes.push_back(std::move(hash));
        return Admit::kYes;
      },
      &progress);
  flush();
  progress.Finish();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!dict_.quiet) {
    std::cerr << fmt::format("thaw: {} read, {} already stored, {} stored ({}), {}, in {:.2f} s\n",
                             CountOf(docs, "document"), skipped + stats.already_stored,
                             stats.stored, CountOf(stats.near_duplicates, "near-duplicate"),
                             CountOf(stats.events, "event"), secs);
    std::cerr << coding->UndatedNote() << coding->LanguageNote();
  }
  if (!failed.ok()) {
    std::cerr
        << "thaw: error: " << failed.message()
        << "\nthaw: the batches stored before this one are kept; run the same command again to finish\n";
    return 2;
  }
  return read_ok || docs > 0 ? 0 : 1;
}

class ExportCommand : public Command {
 public:
  explicit ExportCommand(CLI::App* parent) {
    app = parent->add_subcommand("export",
                                 "write a store's events as Phoenix TSV, CSV or JSON Lines");
    app->footer(
        "Writes every event of the store in the Phoenix column layout (EventID, Date, Year, Month, Day, "
        "SourceActorFull/Entity/Role/Attribute, TargetActor..., EventCode, EventRootCode, QuadClass, "
        "GoldsteinScore, Issues, Lat, Lon, LocationName, StateName, CountryCode, SentenceID, URLs, "
        "NewsSources) with a header row, or as JSON Lines with the provenance too. Events of near-duplicate "
        "documents are left out (their outlets appear in URLs and NewsSources of the original's events) "
        "unless --include-duplicates.\n\nExample:\n  thaw export --db events.db --format csv -o events.csv");
    app->add_option("--db", db_, "the store: a SQLite file path or postgresql://user:pass@host/db")
        ->required();
    app->add_option("--format", format_, "phoenix-tsv (default), csv or jsonl")
        ->check(CLI::IsMember({"phoenix-tsv", "tsv", "csv", "jsonl"}));
    app->add_option("-o,--output", output_, "output file (default stdout)");
    app->add_flag(
        "--provenance", provenance_,
        "TSV/CSV: add DocID, SourceText, TargetText, Verb, Pattern, DateText, DateInferred columns");
    app->add_flag("--include-duplicates", duplicates_,
                  "also write the events of near-duplicate documents");
  }
  int Run() override {
    if (!IsPostgresUrl(db_) && !std::filesystem::exists(db_)) {
      std::cerr << "thaw: error: no store at " << db_
                << " (create one with `thaw ingest INPUT --db " << db_ << "`)\n";
      return 2;
    }
    auto store = Store::Open(db_);
    if (!store.ok()) {
      std::cerr << "thaw: error: " << store.status().message() << "\n";
      return 2;
    }
    // A file is written whole or not at all: an export that fails leaves the old one.
    const bool to_file = !output_.empty() && output_ != "-";
    AtomicFile atomic(output_);
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (to_file) {
      std::error_code ec;
      if (std::filesystem::is_directory(output_, ec)) {
        std::cerr << "thaw: error: cannot write " << output_ << ": it is a directory\n";
        return 2;
      }
      file.open(atomic.temp_path(), std::ios::binary);
      if (!file) {
        std::cerr << "thaw: error: cannot write " << output_ << ": " << std::strerror(errno)
                  << "\n";
        return 2;
      }
      out = &file;
    }
    size_t n = 0;
    Status s =
        ExportEvents(store->get(), out, *ParseExportFormat(format_), provenance_, duplicates_, &n);
    out->flush();
    if (s.ok() && !*out)
      s = Status::IoError(to_file ? output_ + ": write failed (disk full?)"
                                  : "cannot write to stdout");
    if (s.ok() && to_file) {
      file.close();
      s = atomic.Commit();
    }
    if (!s.ok()) {
      std::cerr << "thaw: error: " << s.message() << "\n";
      return 2;
    }
    std::cerr << fmt::format("thaw: {} exported\n", CountOf(n, "event"));
    return 0;
  }

 private:
  std::string db_, format_ = "phoenix-tsv", output_;
  bool provenance_ = false, duplicates_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeIngestCommand(CLI::App* parent) {
  return std::make_unique<IngestCommand>(parent);
}
std::unique_ptr<Command> MakeExportCommand(CLI::App* parent) {
  return std::make_unique<ExportCommand>(parent);
}

}  // namespace thaw
