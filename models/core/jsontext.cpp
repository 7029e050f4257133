#include "models/core/jsontext.h"

namespace JsonText {

void appendString(QString &out, QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    const qsizetype start = out.size();
    // The worst case (every character as \u00XX), written straight into the buffer.
    out.resize(start + 2 + 6 * text.size());
    QChar *p = out.data() + start;
    *p++ = u'"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            *p++ = u'\\';
            *p++ = c;
        } else if (u < 0x20) {
            *p++ = u'\\';
            *p++ = u'u';
            *p++ = u'0';
            *p++ = u'0';
            *p++ = QLatin1Char(hex[u >> 4]);
            *p++ = QLatin1Char(hex[u & 0xf]);
        } else {
            *p++ = c;
        }
    }
    *p++ = u'"';
    out.resize(p - out.constData());
}

void appendStringOrNull(QString &out, const QString &text)
{
    if (text.isEmpty())
        out += QLatin1String("null");
    else
        appendString(out, text);
}

} // namespace JsonText
