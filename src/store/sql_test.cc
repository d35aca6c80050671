// The backend contract, checked on SQLite and (with THAW_TEST_PG) PostgreSQL alike.
#include "store/sql.h"

#include <gtest/gtest.h>

#include "store/store_test_util.h"

namespace thaw {
namespace {

class SqlTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SqlTest, BindsAndReadsEveryType) {
  testing::TestLocation loc(GetParam());
  THAW_REQUIRE_LOCATION(loc);
  auto conn = OpenSql(loc.location());
  ASSERT_TRUE(conn.ok()) << conn.status().message();
  SqlConnection& c = **conn;
  const bool pg = c.dialect() == SqlDialect::kPostgres;
  ASSERT_TRUE(c.Exec(std::string("CREATE TABLE t(i ") + (pg ? "BIGINT" : "INTEGER") + ", d " +
                     (pg ? "DOUBLE PRECISION" : "REAL") + ", s TEXT, b " + (pg ? "BYTEA" : "BLOB") +
                     ")")
                  .ok());
  auto ins = c.Prepare("INSERT INTO t VALUES(?, ?, ?, ?)");
  ASSERT_TRUE(ins.ok()) << ins.status().message();
  const std::string blob("\x00\x01\xff?'", 5);
  (*ins)->BindInt(1, -(int64_t{1} << 40));
  (*ins)->BindDouble(2, 0.1);
  (*ins)->BindText(3, "it's ? not a placeholder");
  (*ins)->BindBlob(4, blob);
  auto r = (*ins)->Step();
  ASSERT_TRUE(r.ok()) << r.status().message();
  (*ins)->Reset();
  (*ins)->BindNull(1);
  (*ins)->BindNull(2);
  (*ins)->BindNull(3);
  (*ins)->BindNull(4);
  ASSERT_TRUE((*ins)->Step().ok());

  auto sel = c.Prepare("SELECT i, d, s, b FROM t WHERE s = '?' OR s LIKE ? ORDER BY i");
  ASSERT_TRUE(sel.ok()) << sel.status().message();
  (*sel)->BindText(1, "it's%");
  auto row = (*sel)->Step();
  ASSERT_TRUE(row.ok() && *row) << row.status().message();
  EXPECT_EQ((*sel)->ColumnInt(0), -(int64_t{1} << 40));
  EXPECT_EQ((*sel)->ColumnDouble(1), 0.1);
  EXPECT_EQ((*sel)->ColumnText(2), "it's ? not a placeholder");
  EXPECT_EQ((*sel)->ColumnBlob(3), blob);
  EXPECT_FALSE((*sel)->IsNull(0));
  row = (*sel)->Step();
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(*row);
}

TEST_P(SqlTest, AnUnfinishedQueryDoesNotBlockTheNext) {
  testing::TestLocation loc(GetParam());
  THAW_REQUIRE_LOCATION(loc);
  auto conn = OpenSql(loc.location());
  ASSERT_TRUE(conn.ok()) << conn.status().message();
  ASSERT_TRUE(
      (*conn)
          ->Exec("CREATE TABLE u(i INTEGER); INSERT INTO u VALUES(1); INSERT INTO u VALUES(2)")
          .ok());
  auto a = (*conn)->Prepare("SELECT i FROM u ORDER BY i");
  auto b = (*conn)->Prepare("SELECT COUNT(*) FROM u");
  ASSERT_TRUE(a.ok() && b.ok());
  auto row = (*a)->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ((*a)->ColumnInt(0), 1);
  row = (*b)->Step();  // `a` still has a row to give
  ASSERT_TRUE(row.ok() && *row) << row.status().message();
  EXPECT_EQ((*b)->ColumnInt(0), 2);
  (*a)->Reset();
  row = (*a)->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ((*a)->ColumnInt(0), 1);
}

TEST_P(SqlTest, ErrorsNameTheStatement) {
  testing::TestLocation loc(GetParam());
  THAW_REQUIRE_LOCATION(loc);
  auto conn = OpenSql(loc.location());
  ASSERT_TRUE(conn.ok());
  auto bad = (*conn)->Prepare("SELECT nope FROM nowhere");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("nowhere"), std::string::npos) << bad.status().message();
}

INSTANTIATE_TEST_SUITE_P(Backends, SqlTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST(Sql, UnreachablePostgresIsAClearError) {
  auto conn = OpenPostgres("postgresql://thaw:secret@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(conn.ok());
  EXPECT_NE(conn.status().message().find("cannot connect to PostgreSQL"), std::string::npos);
  EXPECT_EQ(conn.status().message().find("secret"), std::string::npos) << "password leaked";
}

TEST(Sql, SqliteRejectsANonDatabaseFile) {
  const auto path =
      std::filesystem::temp_directory_path() / ("thaw_not_a_db_" + std::to_string(getpid()));
  {
    std::ofstream f(path);
    f << "this is not a database, just some text that is long enough to fill a header page............";
  }
  auto conn = OpenSqlite(path.string());
  EXPECT_FALSE(conn.ok());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace thaw
