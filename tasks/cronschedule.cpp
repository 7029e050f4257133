#include "tasks/cronschedule.h"
