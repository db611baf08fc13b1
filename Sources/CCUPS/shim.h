// libcups for KioskPrinting. Debian's libcups2-dev ships no cups.pc, so the module map links "cups".
#ifndef KIOSK_CCUPS_SHIM_H
#define KIOSK_CCUPS_SHIM_H
#include <cups/cups.h>
#include <cups/ipp.h>
#include <cups/http.h>

/// IPP_CONST_TAG is a macro Swift cannot import: a tag whose value libcups must not copy or free.
static inline ipp_tag_t kiosk_ipp_const_tag(ipp_tag_t tag) {
    return (ipp_tag_t)(tag | IPP_TAG_CUPS_CONST);
}
#endif
