#include "tasks/jobengine.h"
