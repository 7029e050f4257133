#include "ui/widgets/filedialogs.h"

#include "models/db/databasefileguard.h"

#include <QFileDialog>
#include <QFileIconProvider>
#include <QMessageBox>
#include <QMimeDatabase>

namespace {

// Icons and type names from the file name only: QFileIconProvider's own reads the
// first bytes of files whose name does not settle their type.
class NameOnlyIconProvider : public QFileIconProvider
{
public:
    using QFileIconProvider::icon;

    QIcon icon(const QFileInfo &info) const override
    {
        if (info.isDir())
            return QFileIconProvider::icon(Folder);
        const QMimeType type = m_mime.mimeTypeForFile(info, QMimeDatabase::MatchExtension);
        return QIcon::fromTheme(type.iconName(),
                                QIcon::fromTheme(type.genericIconName(), QFileIconProvider::icon(File)));
    }

    QString type(const QFileInfo &info) const override
    {
        if (info.isDir())
            return QFileIconProvider::type(info); // "Folder", "Drive": no file is read
        return m_mime.mimeTypeForFile(info, QMimeDatabase::MatchExtension).comment();
    }

private:
    QMimeDatabase m_mime;
};

NameOnlyIconProvider &iconProvider()
{
    static NameOnlyIconProvider provider;
    return provider;
}

QString ask(QWidget *parent, FileDialogs::Mode mode, const QString &caption, const QString &directory,
            const QString &filter)
{
    QFileDialog *dialog = FileDialogs::create(parent, mode, caption, directory, filter);
    QString chosen;
    while (dialog->exec() == QDialog::Accepted && !dialog->selectedFiles().isEmpty()) {
        const QString path = dialog->selectedFiles().constFirst();
        if (const std::optional<QString> refused = DatabaseFileGuard::refusal(path)) {
            QMessageBox::warning(dialog, caption, *refused);
            continue;
        }
        chosen = path;
        break;
    }
    delete dialog;
    return chosen;
}

} // namespace

QFileDialog *FileDialogs::create(QWidget *parent, Mode mode, const QString &caption, const QString &directory,
                                 const QString &filter)
{
    auto *dialog = new QFileDialog(parent, caption, directory, filter);
    dialog->setObjectName(QStringLiteral("fileDialog"));
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setOption(QFileDialog::DontUseCustomDirectoryIcons);
    dialog->setIconProvider(&iconProvider());
    if (mode == Mode::Save) {
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setFileMode(QFileDialog::AnyFile);
    } else {
        dialog->setAcceptMode(QFileDialog::AcceptOpen);
        dialog->setFileMode(QFileDialog::ExistingFile);
    }
    return dialog;
}

QString FileDialogs::getOpenFileName(QWidget *parent, const QString &caption, const QString &directory,
                                     const QString &filter)
{
    return ask(parent, Mode::Open, caption, directory, filter);
}

QString FileDialogs::getSaveFileName(QWidget *parent, const QString &caption, const QString &directory,
                                     const QString &filter)
{
    return ask(parent, Mode::Save, caption, directory, filter);
}
