#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

// Keeps the process's own code away from the SQLite database files it has open, and
// tells when SQLite's hold on them was lost anyway.
//
// Why: SQLite's locks are POSIX advisory locks, which belong to the process, not to
// the descriptor: closing ANY descriptor of the database file, of its -wal or of its
// -shm drops every lock the process holds on that file. Nothing then tells SQLite; the
// next process that closes its connection believes it is the last one, checkpoints
// and deletes the -wal and -shm, and this process goes on writing into a deleted
// write-ahead log: its commits are lost ("How To Corrupt An SQLite Database File",
// 2.2). Qt's widget file dialog did exactly that: its icon provider reads the first
// bytes of every file it lists to guess the type (see ui/widgets/filedialogs.h).
//
// So, three rules:
//  - Database registers every SQLite file it opens (protect()).
//  - Every place that opens a file a person named (import, export, save as, a
//    mailing's body) asks refusal() first: the database file and its companions
//    (-wal, -shm, -journal), also through another name (a symbolic or hard link),
//    are refused with a message that names them.
//  - Database checks hold() after beginning and before committing each write on
//    SQLite: a lost hold fails the write loudly (nothing is written) and every
//    connection reconnects, instead of writing into a log another process deleted.
//
// Thread-safe; static only. The hold check reads /proc/self/fd and fdinfo (Linux);
// elsewhere it reports Hold::Unknown.
class DatabaseFileGuard
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseFileGuard)
public:
    // Registers an SQLite database file of this process (idempotent).
    static void protect(const QString &databasePath);
    // Forgets every registered file (tests only).
    static void clearForTests();

    // Null if `path` may be opened by code other than SQLite; otherwise a translated
    // sentence naming the file and why it is refused.
    static std::optional<QString> refusal(const QString &path);

    enum class Hold {
        Held,       // this process holds SQLite's lock on the file's shared memory
        LocksLost,  // the lock is gone: something in this process closed a descriptor
        WalDeleted, // the -wal or -shm this process uses was deleted
        Unknown,    // cannot tell here (not Linux, not in WAL mode, or not checkable)
    };
    // Whether this process still holds what SQLite holds on an open WAL-mode database.
    // Call it only while a connection of this process has the database open and has
    // read from it (so that SQLite has mapped its shared memory).
    static Hold hold(const QString &databasePath);
};
