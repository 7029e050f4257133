#include "tasks/builtintasks.h"
