#include "tasks/notificationstore.h"
