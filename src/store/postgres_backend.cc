// SqlConnection over PostgreSQL through libpq. Every value travels as text (the libpq default)
// so the same code reads integers, doubles and bytea ("\x" hex) from any server version.
// Results arrive in single-row mode: an export of millions of events never holds more than
// one row in memory. libpq allows one query in flight per connection, so a statement whose
// rows were not all read is drained before the connection runs anything else.
#include <libpq-fe.h>

#include <cstdlib>
#include <vector>

#include "store/sql.h"

namespace thaw {
namespace {

class PgConnection;

// `?` placeholders become $1, $2, ... (outside quoted strings).
std::string TranslatePlaceholders(std::string_view sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  bool quoted = false;
  *count = 0;
  for (char c : sql) {
    if (c == '\'') quoted = !quoted;
    if (c == '?' && !quoted) {
      out += '$';
      out += std::to_string(++*count);
    } else {
      out += c;
    }
  }
  return out;
}

std::string PgError(PGconn* conn, std::string_view sql) {
  std::string msg = std::string("postgresql: ") + PQerrorMessage(conn);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  if (!sql.empty()) msg += std::string(" in: ") + std::string(sql);
  return msg;
}

class PgStatement : public SqlStatement {
 public:
  PgStatement(PgConnection* owner, std::string name, std::string sql, int params)
      : owner_(owner),
        name_(std::move(name)),
        sql_(std::move(sql)),
        values_(params),
        is_null_(params, true) {}
  ~PgStatement() override;
  PgStatement(const PgStatement&) = delete;  // registered with its connection by address
  PgStatement& operator=(const PgStatement&) = delete;

  void BindInt(int i, int64_t v) override { Set(i, std::to_string(v)); }
  void BindDouble(int i, double v) override {
    char buf[32];
    // %.17g round-trips every double exactly.
    snprintf(buf, sizeof buf, "%.17g", v);
    Set(i, buf);
  }
  void BindText(int i, std::string_view v) override { Set(i, std::string(v)); }
  void BindBlob(int i, std::string_view v) override {
    static const char kHex[] = "0123456789abcdef";
    std::string s = "\\x";
    s.reserve(2 + 2 * v.size());
    for (unsigned char c : v) {
      s += kHex[c >> 4];
      s += kHex[c & 15];
    }
    Set(i, std::move(s));
  }
  void BindNull(int i) override {
    if (i >= 1 && i <= static_cast<int>(values_.size())) is_null_[i - 1] = true;
  }

  Result<bool> Step() override;
  bool IsNull(int c) override { return row_ == nullptr || PQgetisnull(row_, 0, c); }
  int64_t ColumnInt(int c) override {
    return IsNull(c) ? 0 : std::strtoll(PQgetvalue(row_, 0, c), nullptr, 10);
  }
  double ColumnDouble(int c) override {
    return IsNull(c) ? 0.0 : std::strtod(PQgetvalue(row_, 0, c), nullptr);
  }
  std::string_view ColumnText(int c) override {
    if (IsNull(c)) return {};
    return std::string_view(PQgetvalue(row_, 0, c), PQgetlength(row_, 0, c));
  }
  std::string ColumnBlob(int c) override {
    std::string_view t = ColumnText(c);
    if (!t.starts_with("\\x")) return std::string(t);
    auto nibble = [](char h) { return h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10; };
    std::string out;
    out.reserve(t.size() / 2);
    for (size_t i = 2; i + 1 < t.size(); i += 2)
      out += static_cast<char>(nibble(t[i]) << 4 | nibble(t[i + 1]));
    return out;
  }
  void Reset() override;
  // Reads and discards whatever the server still has to send for this statement.
  void Drain();

 private:
  void Set(int i, std::string v) {
    if (i < 1 || i > static_cast<int>(values_.size())) return;
    values_[i - 1] = std::move(v);
    is_null_[i - 1] = false;
  }
  void ClearRow() {
    if (row_ != nullptr) PQclear(row_);
    row_ = nullptr;
  }

  PgConnection* owner_;
  std::string name_, sql_;
  std::vector<std::string> values_;
  std::vector<bool> is_null_;
  PGresult* row_ = nullptr;
  bool started_ = false, done_ = false;
};

class PgConnection : public SqlConnection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;  // owns the PGconn
  PgConnection& operator=(const PgConnection&) = delete;

  SqlDialect dialect() const override { return SqlDialect::kPostgres; }
  Status Exec(std::string_view sql) override {
    Quiesce();
    PGresult* r = PQexec(conn_, std::string(sql).c_str());
    const ExecStatusType st = PQresultStatus(r);
    PQclear(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
      return Status::IoError(PgError(conn_, sql));
    return Status::Ok();
  }
  Result<std::unique_ptr<SqlStatement>> Prepare(std::string_view sql) override {
    Quiesce();
    int params = 0;
    std::string text = TranslatePlaceholders(sql, &params);
    std::string name = "thaw_" + std::to_string(next_name_++);
    PGresult* r = PQprepare(conn_, name.c_str(), text.c_str(), params, nullptr);
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok) return Status::IoError(PgError(conn_, text));
    return std::unique_ptr<SqlStatement>(
        std::make_unique<PgStatement>(this, std::move(name), std::move(text), params));
  }
  Status BeginWrite() override {
    // One writer at a time, as SQLite's BEGIN IMMEDIATE: ids are assigned from max(id)+1.
    return Exec("BEGIN; SELECT pg_advisory_xact_lock(7468617701)");
  }

  PGconn* conn() { return conn_; }
  // Makes `s` the statement whose results are in flight, draining the previous one.
  void Activate(PgStatement* s) {
    if (active_ != nullptr && active_ != s) active_->Drain();
    active_ = s;
  }
  void Deactivate(PgStatement* s) {
    if (active_ == s) active_ = nullptr;
  }

 private:
  void Quiesce() {
    if (active_ != nullptr) active_->Drain();
    active_ = nullptr;
  }
  PGconn* conn_;
  PgStatement* active_ = nullptr;
  int next_name_ = 0;
};

PgStatement::~PgStatement() {
  Drain();
  owner_->Deactivate(this);
  owner_->Exec("DEALLOCATE " + name_);
}

Result<bool> PgStatement::Step() {
  PGconn* conn = owner_->conn();
  ClearRow();
  if (done_) return false;
  if (!started_) {
    owner_->Activate(this);
    std::vector<const char*> values(values_.size());
    for (size_t i = 0; i < values_.size(); ++i)
      values[i] = is_null_[i] ? nullptr : values_[i].c_str();
    if (!PQsendQueryPrepared(conn, name_.c_str(), static_cast<int>(values.size()), values.data(),
                             nullptr, nullptr, 0)) {
      done_ = true;
      return Status::IoError(PgError(conn, sql_));
    }
    PQsetSingleRowMode(conn);
    started_ = true;
  }
  PGresult* r = PQgetResult(conn);
  const ExecStatusType st = r ? PQresultStatus(r) : PGRES_COMMAND_OK;
  if (st == PGRES_SINGLE_TUPLE) {
    row_ = r;
    return true;
  }
  std::string error;
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
    error = std::string("postgresql: ") + PQresultErrorMessage(r);
    while (!error.empty() && error.back() == '\n') error.pop_back();
    error += " in: " + sql_;
  }
  if (r) PQclear(r);
  Drain();
  if (!error.empty()) return Status::IoError(std::move(error));
  return false;
}

void PgStatement::Drain() {
  ClearRow();
  if (started_ && !done_) {
    while (PGresult* r = PQgetResult(owner_->conn())) PQclear(r);
  }
  if (started_) done_ = true;
  owner_->Deactivate(this);
}

void PgStatement::Reset() {
  Drain();
  started_ = done_ = false;
}

void IgnoreNotice(void*, const char*) {}

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenPostgres(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    // Never echo a password back: name the server by what follows '@'.
    const size_t at = url.rfind('@');
    const std::string where = at == std::string::npos ? url : "postgresql://..." + url.substr(at);
    std::string msg = "cannot connect to PostgreSQL at " + where + ": " + PgError(conn, "") +
                      " (is the server running, and do the role and database exist?)";
    PQfinish(conn);
    return Status::IoError(std::move(msg));
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  auto c = std::make_unique<PgConnection>(conn);
  // Text columns are declared COLLATE "C" by the store's schema, so both backends sort alike.
  Status s = c->Exec("SET client_encoding = 'UTF8'");
  if (!s.ok()) return s;
  return std::unique_ptr<SqlConnection>(std::move(c));
}

}  // namespace thaw
