// SqlConnection over SQLite: one file, WAL journal. synchronous=NORMAL in WAL mode loses no
// committed transaction when the process dies, even by kill -9: a commit's frames are written
// to the WAL (into the OS's cache) before COMMIT returns. It only syncs at checkpoints, so a
// power loss or OS crash may roll back the last transactions, still leaving the file
// consistent (never half a transaction). Several times faster than FULL.
#include <sqlite3.h>

#include <filesystem>

#include "store/sql.h"

namespace thaw {
namespace {

class SqliteStatement : public SqlStatement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;  // owns the sqlite3_stmt
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  void BindInt(int i, int64_t v) override { sqlite3_bind_int64(stmt_, i, v); }
  void BindDouble(int i, double v) override { sqlite3_bind_double(stmt_, i, v); }
  // SQLITE_STATIC: no copy (a copy of every text cost a tenth of ingest time, store_bench);
  // the caller keeps the bytes alive (sql.h). A null data pointer would bind NULL, so empty
  // views bind "".
  void BindText(int i, std::string_view v) override {
    sqlite3_bind_text(stmt_, i, v.empty() ? "" : v.data(), static_cast<int>(v.size()),
                      SQLITE_STATIC);
  }
  void BindBlob(int i, std::string_view v) override {
    sqlite3_bind_blob(stmt_, i, v.empty() ? "" : v.data(), static_cast<int>(v.size()),
                      SQLITE_STATIC);
  }
  void BindNull(int i) override { sqlite3_bind_null(stmt_, i); }

  Result<bool> Step() override {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return Status::IoError(std::string("sqlite: ") + sqlite3_errmsg(db_) +
                           " in: " + sqlite3_sql(stmt_));
  }
  bool IsNull(int c) override { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  int64_t ColumnInt(int c) override { return sqlite3_column_int64(stmt_, c); }
  double ColumnDouble(int c) override { return sqlite3_column_double(stmt_, c); }
  std::string_view ColumnText(int c) override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
    return p == nullptr ? std::string_view() : std::string_view(p, sqlite3_column_bytes(stmt_, c));
  }
  std::string ColumnBlob(int c) override {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, c));
    return p == nullptr ? std::string() : std::string(p, sqlite3_column_bytes(stmt_, c));
  }
  void Reset() override { sqlite3_reset(stmt_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class SqliteConnection : public SqlConnection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override { sqlite3_close_v2(db_); }
  SqliteConnection(const SqliteConnection&) = delete;  // owns the sqlite3 handle
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  SqlDialect dialect() const override { return SqlDialect::kSqlite; }
  Status Exec(std::string_view sql) override {
    char* err = nullptr;
    const std::string s(sql);
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = std::string("sqlite: ") + (err ? err : sqlite3_errmsg(db_)) + " in: " + s;
      sqlite3_free(err);
      return Status::IoError(std::move(msg));
    }
    return Status::Ok();
  }
  Result<std::unique_ptr<SqlStatement>> Prepare(std::string_view sql) override {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt, nullptr) != SQLITE_OK) {
      return Status::IoError(std::string("sqlite: ") + sqlite3_errmsg(db_) +
                             " in: " + std::string(sql));
    }
    return std::unique_ptr<SqlStatement>(std::make_unique<SqliteStatement>(db_, stmt));
  }
  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }

 private:
  sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path) {
  // SQLite says "unable to open database file" for all of these; say which.
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec))
    return Status::IoError("cannot open store " + path + ": it is a directory, not a store file");
  const fs::path dir = fs::path(path).parent_path();
  if (!dir.empty() && !fs::is_directory(dir, ec))
    return Status::IoError("cannot open store " + path + ": no directory " + dir.string());
  sqlite3* db = nullptr;
  // NOMUTEX: a connection is used by one thread at a time (sql.h), so SQLite need not lock
  // one around every call (3% of ingest time, perf).
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg =
        "cannot open store " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close_v2(db);
    return Status::IoError(std::move(msg));
  }
  // Another process (a concurrent ingest or a reader) may hold the write lock for a batch.
  sqlite3_busy_timeout(db, 60000);
  auto conn = std::make_unique<SqliteConnection>(db);
  // 16 KB pages for a new file (set before WAL mode writes its header): ingest appends, and
  // four times fewer pages to log and checkpoint write ~8% faster than 4 KB (store_bench).
  // 256 MB of page cache keeps the tables' right edges and the aggregates in memory.
  // synchronous=NORMAL: see the file comment.
  Status s = conn->Exec(
      "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; "
      "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
  if (!s.ok()) {
    return Status::IoError("cannot open store " + path + ": " + sqlite3_errmsg(db) +
                           " (is it a SQLite file?)");
  }
  return std::unique_ptr<SqlConnection>(std::move(conn));
}

bool IsPostgresUrl(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

Result<std::unique_ptr<SqlConnection>> OpenSql(const std::string& location) {
  return IsPostgresUrl(location) ? OpenPostgres(location) : OpenSqlite(location);
}

}  // namespace thaw
