#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

// The database a case measures: the given URL, or a SQLite file in a temporary
// folder. prepare() migrates and seeds the demo residents once (DemoSeeder adds only
// what is missing, so a reused database is not seeded twice).
class BenchDatabase
{
public:
    // False with `error` set on failure.
    bool prepare(const QString &url, int residents, QString *error);
    QString url() const { return m_url; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_url;
};
