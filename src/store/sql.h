// The small SQL interface the event store runs on: a connection that executes statements
// and prepares them, and a prepared statement that binds, steps and reads columns. Two
// implementations: SQLite (a file path, the embedded default) and PostgreSQL (a
// postgresql:// URL, through libpq). SQL is written once, with `?` placeholders; each
// backend translates what differs (placeholder syntax, type names).
//
// Neither class is thread-safe; a statement must not outlive its connection.
#ifndef THAW_STORE_SQL_H_
#define THAW_STORE_SQL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace thaw {

enum class SqlDialect { kSqlite, kPostgres };

class SqlStatement {
 public:
  virtual ~SqlStatement() = default;
  // Parameters are 1-based, as in SQLite. Text and blobs are not copied (by SQLite): their
  // bytes must stay valid until the statement is stepped to its end or Reset(), and the
  // statement must be bound again before it runs again.
  virtual void BindInt(int index, int64_t value) = 0;
  virtual void BindDouble(int index, double value) = 0;
  virtual void BindText(int index, std::string_view value) = 0;
  virtual void BindBlob(int index, std::string_view bytes) = 0;
  virtual void BindNull(int index) = 0;
  // Runs the statement (first call) or advances to the next row. Returns true while a row is
  // available, false when done; errors carry the database's message and the SQL.
  virtual Result<bool> Step() = 0;
  // Columns of the current row, 0-based. Views stay valid until the next Step() or Reset().
  virtual bool IsNull(int column) = 0;
  virtual int64_t ColumnInt(int column) = 0;
  virtual double ColumnDouble(int column) = 0;
  virtual std::string_view ColumnText(int column) = 0;
  virtual std::string ColumnBlob(int column) = 0;
  // Makes the statement runnable again; bindings are kept until rebound.
  virtual void Reset() = 0;
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual SqlDialect dialect() const = 0;
  // Runs one or more statements without parameters or results (DDL, COMMIT, ...).
  virtual Status Exec(std::string_view sql) = 0;
  // Prepares a statement; the caller owns it and must destroy it before the connection.
  virtual Result<std::unique_ptr<SqlStatement>> Prepare(std::string_view sql) = 0;
  // Starts a write transaction that excludes other writers until Commit/Rollback: SQLite
  // BEGIN IMMEDIATE, PostgreSQL BEGIN plus a transaction-scoped advisory lock.
  virtual Status BeginWrite() = 0;
};

// True when `location` names a PostgreSQL database (postgresql:// or postgres:// URL).
bool IsPostgresUrl(std::string_view location);

// Opens a SQLite file (created when missing; WAL mode, synchronous=NORMAL, which keeps every
// committed transaction across a process crash) or connects to PostgreSQL.
// Errors: IoError naming the location and the database's reason.
Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path);
Result<std::unique_ptr<SqlConnection>> OpenPostgres(const std::string& url);
Result<std::unique_ptr<SqlConnection>> OpenSql(const std::string& location);

}  // namespace thaw

#endif  // THAW_STORE_SQL_H_
