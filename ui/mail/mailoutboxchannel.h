#pragma once

#include "ui/outbox/outboxchannel.h"

// The e-mail outbox (tasks/mail/outbox.h) as an Outbox dock shows it: View ▸ Outbox,
// object name "outboxDock", columns To, Subject and the server's answer. Its texts
// are translated when it is made.
//
//   auto *outbox = new OutboxDock(mailOutboxChannel(), services, window);
OutboxChannel mailOutboxChannel();
