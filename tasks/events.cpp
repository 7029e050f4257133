#include "tasks/events.h"
