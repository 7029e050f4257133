#pragma once

#include "ui/outbox/outboxchannel.h"

// The SMS outbox (tasks/sms/smsoutbox.h) as an Outbox dock shows it: View ▸ Text
// messages, object name "smsOutboxDock", columns Number, Resident, Text and the last
// error; any column sorts, and the person's sort is kept (window/smsOutboxSort). Its
// texts are translated when it is made.
//
//   auto *texts = new OutboxDock(smsOutboxChannel(), services, window);
OutboxChannel smsOutboxChannel();
