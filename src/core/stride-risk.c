/* stride-risk.c — being written */
#include "config.h"
#include "stride-risk.h"
