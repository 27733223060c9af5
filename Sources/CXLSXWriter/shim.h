#ifndef LIVEINSIGHT_CXLSXWRITER_SHIM_H
#define LIVEINSIGHT_CXLSXWRITER_SHIM_H
// libxlsxwriter (Debian libxlsxwriter-dev): native XLSX cell formats, column widths, frozen panes and charts.
#include <xlsxwriter.h>
#endif
