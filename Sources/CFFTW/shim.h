#ifndef LIVEINSIGHT_CFFTW_SHIM_H
#define LIVEINSIGHT_CFFTW_SHIM_H
#include <fftw3.h>
#endif
