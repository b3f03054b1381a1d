/* stride-store-risk.c — being written */
#include "config.h"
#include "stride-store.h"
