#ifndef LIVEINSIGHT_CSNDFILE_SHIM_H
#define LIVEINSIGHT_CSNDFILE_SHIM_H
#include <sndfile.h>
#endif
