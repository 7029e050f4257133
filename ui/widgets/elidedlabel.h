#pragma once

#include <QFrame>
#include <QString>

// A one-line label that asks for its whole text but makes do with less: squeezed by a
// narrow window, it ends its text with "…" and shows the whole of it as its tooltip,
// instead of widening the window (the status bar's "Signed in as …", say).
class ElidedLabel : public QFrame
{
    Q_OBJECT
public:
    explicit ElidedLabel(const QString &text = {}, QWidget *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    // The text as shown now (elided or whole).
    QString shownText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
};
