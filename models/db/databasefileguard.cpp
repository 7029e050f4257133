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

// True if one of this process's descriptors refers to `path` after it was deleted
// (the kernel shows such a link as "<path> (deleted)").
bool holdsDeleted(const QByteArray &path)
{
    const QByteArray deleted = path + " (deleted)";
    DIR *dir = ::opendir("/proc/self/fd");
    if (!dir)
        return false;
    bool found = false;
    char target[4096];
    while (dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] == '.')
            continue;
        char link[64];
        std::snprintf(link, sizeof link, "/proc/self/fd/%s", entry->d_name);
        const ssize_t n = ::readlink(link, target, sizeof target);
        if (n == deleted.size() && std::memcmp(target, deleted.constData(), size_t(n)) == 0) {
            found = true;
            break;
        }
    }
    ::closedir(dir);
    return found;
}

// True if this process holds a POSIX lock covering `offset` of the file at `path`,
// through any of its descriptors: /proc/self/fdinfo/<fd> lists the locks taken through
// that descriptor ("lock:\t1: POSIX  ADVISORY  READ 4901 fe:00:10952993 128 128"; lines
// with "->" are waiters, not holders). Not /proc/locks: that file lists every lock of
// the machine and is read a page at a time, and while other processes lock and unlock
// between two reads its lines shift, so that one of ours can be skipped and a hold
// look lost when it is not (seen with many SQLite processes at work).
bool holdsLock(const QByteArray &path, long long offset)
{
    DIR *dir = ::opendir("/proc/self/fd");
    if (!dir)
        return false;
    const long pid = long(::getpid());
    bool found = false;
    char target[4096];
    while (!found) {
        dirent *entry = ::readdir(dir);
        if (!entry)
            break;
        if (entry->d_name[0] == '.')
            continue;
        char link[64];
        std::snprintf(link, sizeof link, "/proc/self/fd/%s", entry->d_name);
        const ssize_t n = ::readlink(link, target, sizeof target);
        if (n != path.size() || std::memcmp(target, path.constData(), size_t(n)) != 0)
            continue;
        char infoPath[64];
        std::snprintf(infoPath, sizeof infoPath, "/proc/self/fdinfo/%s", entry->d_name);
        FILE *info = std::fopen(infoPath, "re");
        if (!info)
            continue;
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
            const bool toEnd = std::strcmp(end, "EOF") == 0;
            found = start <= offset && (toEnd || std::atoll(end) >= offset);
        }
        std::fclose(info);
    }
    ::closedir(dir);
    return found;
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
    const QByteArray shm = QFile::encodeName(path + QStringLiteral("-shm"));
    if (holdsDeleted(QFile::encodeName(path + QStringLiteral("-wal"))) || holdsDeleted(shm))
        return Hold::WalDeleted;
    struct stat shmInfo;
    if (::stat(shm.constData(), &shmInfo) != 0)
        return Hold::WalDeleted;
    if (::access(QFile::encodeName(path).constData(), F_OK) != 0)
        return Hold::Unknown;
    // SQLite's unix VFS in WAL mode: every process using the file holds a read lock on
    // the database's SHARED range (from byte 0x40000002, PENDING_BYTE + 2) for as long
    // as it is connected, and one on the "dead man switch" byte 128 of the shared
    // memory. A process that closes its connection and can lock the SHARED range
    // exclusively takes itself for the last user: it checkpoints and deletes the -wal
    // and -shm.
    return holdsLock(QFile::encodeName(path), 0x40000002LL) && holdsLock(shm, 128) ? Hold::Held
                                                                                   : Hold::LocksLost;
#else
    Q_UNUSED(databasePath);
    return Hold::Unknown;
#endif
}
