#include "tasks/jobstore.h"
