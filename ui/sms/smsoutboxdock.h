#pragma once

#include "ui/outbox/outboxdock.h"
#include "ui/sms/smsoutboxchannel.h"

// The "Text messages" dock is an OutboxDock with smsOutboxChannel(); the name the SMS
// code and its tests know it by.
using SmsOutboxDock = OutboxDock;
