/* stride-balance.c — being written */
#include "config.h"
#include "stride-balance.h"
