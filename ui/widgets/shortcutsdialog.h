#pragma once

#include <QDialog>

class QMenuBar;
class QTableWidget;

// Help ▸ Keyboard shortcuts: every menu command of the window that has a shortcut and
// that this person may use (hidden actions are left out), with its menu path, read from
// the menu bar when the dialog opens, so it never lists a key that does not exist.
// Escape closes it. GUI thread only.
//
//   auto *dialog = new ShortcutsDialog(menuBar(), this);
//   dialog->setAttribute(Qt::WA_DeleteOnClose);
//   dialog->open();
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};
