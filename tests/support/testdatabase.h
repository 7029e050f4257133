#pragma once

#include "models/db/database.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

// A fresh, empty database for one test, on the backend the test run asks for:
// RESIDESK_TEST_BACKEND=sqlite (a file in a temporary folder) or =postgresql (a new
// database on the suite's throwaway server, whose URL CTest's fixture wrote to the
// file named by RESIDESK_TEST_PG_URL_FILE). Dropped again on destruction.
// A PostgreSQL run without a server fails loudly (create() returns null and says why).
class TestDatabase
{
public:
    ~TestDatabase();

    // Null on failure; `error` says why.
    static std::unique_ptr<TestDatabase> create(QString *error = nullptr, bool migrate = true);
    static QString backendName();   // "sqlite" or "postgresql"

    QString url() const { return m_url; }
    DatabaseConfig config() const;
    Database &db() { return *m_db; }
    // A second, independent Database on the same data (another "desktop").
    std::unique_ptr<Database> openAnother() const;

private:
    TestDatabase() = default;
    QString m_url;
    QString m_pgAdminUrl;
    QString m_pgName;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};
