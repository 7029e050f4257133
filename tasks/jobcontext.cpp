#include "tasks/jobcontext.h"
