#pragma once

#include <QDialog>

class QTextBrowser;

// Help ▸ User guide (F1): the user guide (resources/guide, embedded at :/guide) in the
// window's language, with its pictures scaled to the window's width. Links between its
// pages and to its sections work; links out of it open in the desktop's browser.
// Escape closes it. GUI thread only.
//
//   auto *guide = new GuideWindow(window);
//   guide->setAttribute(Qt::WA_DeleteOnClose);
//   guide->show();
class GuideWindow : public QDialog
{
    Q_OBJECT
public:
    explicit GuideWindow(QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }
    // The guide's file in the window's language ("guide.md", "guide.es.md").
    static QString fileName();

private:
    QTextBrowser *m_browser;
};
