#include "models/db/databasefileguard.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QStringList>

#ifdef Q_OS_LINUX
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#endif

namespace {

QMutex s_mutex;
QStringList s_databases; // absolute paths, as registered

const char *const kCompanions[] = {"", "-wal", "-shm", "-journal"};

// The absolute path with symbolic links of its folder resolved, also for a file that
// does not exist (yet): a save dialog names files that are about to be created.
QString resolvedPath(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    if (!canonical.isEmpty())
        return canonical;
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return QDir::cleanPath((folder.isEmpty() ? info.absolutePath() : folder) + u'/' + info.fileName());
}

#ifdef Q_OS_LINUX
bool sameFile(const QString &a, const QString &b)
{
    struct stat sa;
    struct stat sb;
    if (::stat(QFile::encodeName(a).constData(), &sa) != 0 ||
        ::stat(QFile::encodeName(b).constData(), &sb) != 0)
        return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

// True if the locks taken through descriptor `fd` (its /proc/self/fdinfo, e.g.
// "lock:\t1: POSIX  ADVISORY  READ 4901 fe:00:10952993 128 128"; lines with "->" are
// waiters, not holders) include one of this process covering `offset`.
bool fdLocks(const char *fd, long long offset)
{
    char infoPath[64];
    std::snprintf(infoPath, sizeof infoPath, "/proc/self/fdinfo/%s", fd);
    FILE *info = std::fopen(infoPath, "re");
    if (!info)
        return false;
    const long pid = long(::getpid());
    bool found = false;
    char line[512];
    while (!found && std::fgets(line, sizeof line, info)) {
        if (std::strncmp(line, "lock:", 5) != 0 || std::strstr(line, "->"))
            continue;
        char kind[16];
        char mode[16];
        char access[16];
        long owner = 0;
        unsigned major = 0;
        unsigned minor = 0;
        unsigned long long ino = 0;
        long long start = 0;
        char end[32];
        if (std::sscanf(line, "lock: %*[^:]: %15s %15s %15s %ld %x:%x:%llu %lld %31s", kind, mode, access,
                        &owner, &major, &minor, &ino, &start, end) != 9)
            continue;
        if (owner != pid || std::strcmp(kind, "POSIX") != 0)
            continue;
        found = start <= offset && (std::strcmp(end, "EOF") == 0 || std::atoll(end) >= offset);
    }
    std::fclose(info);
    return found;
}

// What this process's descriptors say of the database file and its companions, in one
// pass over /proc/self/fd:
// - a descriptor whose target reads "<path> (deleted)" still refers to a file that was
//   deleted (the -wal or -shm another process removed);
// - the locks come from each descriptor's fdinfo, not from /proc/locks: that file lists
//   every lock of the machine and is read a page at a time, and while other processes
//   lock and unlock between two reads its lines shift, so that one of ours can be
//   skipped and a hold look lost when it is not (seen with many SQLite processes).
struct Descriptors
{
    bool walDeleted = false;
    bool shmDeleted = false;
    bool databaseShared = false; // the SHARED range of the database file
    bool shmDeadManSwitch = false;
};

Descriptors scanDescriptors(const QByteArray &database, const QByteArray &wal, const QByteArray &shm)
{
    Descriptors d;
    DIR *dir = ::opendir("/proc/self/fd");
    if (!dir)
        return d;
    const QByteArray walDeleted = wal + " (deleted)";
    const QByteArray shmDeleted = shm + " (deleted)";
    const auto is = [](const char *target, ssize_t n, const QByteArray &path) {
        return n == path.size() && std::memcmp(target, path.constData(), size_t(n)) == 0;
    };
    char target[4096];
    while (dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] == '.')
            continue;
        char link[64];
        std::snprintf(link, sizeof link, "/proc/self/fd/%s", entry->d_name);
        const ssize_t n = ::readlink(link, target, sizeof target);
        if (n <= 0)
            continue;
        d.walDeleted = d.walDeleted || is(target, n, walDeleted);
        d.shmDeleted = d.shmDeleted || is(target, n, shmDeleted);
        // SQLite's unix VFS in WAL mode: every process using the file holds a read lock
        // on the database's SHARED range (from byte 0x40000002, PENDING_BYTE + 2) for as
        // long as it is connected, and one on the "dead man switch" byte 128 of the
        // shared memory.
        if (!d.databaseShared && is(target, n, database))
            d.databaseShared = fdLocks(entry->d_name, 0x40000002LL);
        if (!d.shmDeadManSwitch && is(target, n, shm))
            d.shmDeadManSwitch = fdLocks(entry->d_name, 128);
    }
    ::closedir(dir);
    return d;
}
#endif

} // namespace

void DatabaseFileGuard::protect(const QString &databasePath)
{
    const QString path = QFileInfo(databasePath).absoluteFilePath();
    QMutexLocker lock(&s_mutex);
    if (!s_databases.contains(path))
        s_databases.append(path);
}

void DatabaseFileGuard::clearForTests()
{
    QMutexLocker lock(&s_mutex);
    s_databases.clear();
}

std::optional<QString> DatabaseFileGuard::refusal(const QString &path)
{
    if (path.isEmpty())
        return std::nullopt;
    QStringList databases;
    {
        QMutexLocker lock(&s_mutex);
        databases = s_databases;
    }
    const QString wanted = resolvedPath(path);
    for (const QString &database : std::as_const(databases)) {
        for (const char *suffix : kCompanions) {
            const QString candidate = database + QLatin1String(suffix);
            bool same = resolvedPath(candidate) == wanted;
#ifdef Q_OS_LINUX
            same = same || sameFile(candidate, path);
#endif
            if (!same)
                continue;
            if (*suffix == '\0')
                return tr("%1 is the database file Residesk is using. Opening it as another file would "
                          "break the database's locks and lose work; choose another file.")
                    .arg(QDir::toNativeSeparators(path));
            return tr("%1 belongs to the database file %2 that Residesk is using. Opening it would "
                      "break the database's locks and lose work; choose another file.")
                .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(database));
        }
    }
    return std::nullopt;
}

DatabaseFileGuard::Hold DatabaseFileGuard::hold(const QString &databasePath)
{
#ifdef Q_OS_LINUX
    const QString path = resolvedPath(databasePath);
    const QByteArray database = QFile::encodeName(path);
    const QByteArray shm = QFile::encodeName(path + QStringLiteral("-shm"));
    const Descriptors d = scanDescriptors(database, QFile::encodeName(path + QStringLiteral("-wal")), shm);
    if (d.walDeleted || d.shmDeleted)
        return Hold::WalDeleted;
    struct stat shmInfo;
    if (::stat(shm.constData(), &shmInfo) != 0)
        return Hold::WalDeleted;
    if (::access(database.constData(), F_OK) != 0)
        return Hold::Unknown;
    // A process that closes its connection and can lock the SHARED range exclusively
    // takes itself for the last user: it checkpoints and deletes the -wal and -shm.
    return d.databaseShared && d.shmDeadManSwitch ? Hold::Held : Hold::LocksLost;
#else
    Q_UNUSED(databasePath);
    return Hold::Unknown;
#endif
}
